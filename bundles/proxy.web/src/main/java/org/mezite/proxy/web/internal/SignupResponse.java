package org.mezite.proxy.web.internal;

/** {@code POST /v1/signup} succeeded: the user can log in now. */
record SignupResponse(String user) {
}
