package dev.upbeat.admin;

/**
 * The sign-in page: the token that ties the form to this browser's sign-in cookie, what was
 * typed, an error, where to go afterwards, and whether to ask for an authenticator code.
 */
public record SignInView(String pageName, String token, String email, String error, String next, boolean askCode) {
}
