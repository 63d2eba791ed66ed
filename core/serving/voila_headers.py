"""Security headers on every response of the workshop server, and cookies that stay on their site.

Voila adds the headers of ``notebooks/voila.json`` only to some of its pages; ``headers_transform``
adds them to every response (static files, redirects and error pages too), refuses framing, and
drops tornado's ``Server`` header with its version. ``cookies_samesite_by_default`` makes every cookie
the server sets ``SameSite=Strict`` unless it says otherwise, and ``Secure`` when the browser came
over HTTPS (directly, or through a proxy that sets ``X-Forwarded-Proto: https``).
"""

from __future__ import annotations

from tornado.web import OutputTransform, RequestHandler

ALWAYS = {"X-Frame-Options": "DENY", "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer"}


def headers_transform(headers: dict[str, str]) -> type[OutputTransform]:
    """An output transform that puts ``headers`` (and ``ALWAYS``) on every response, without ``Server``."""
    wanted = {**ALWAYS, **headers}

    class SecurityHeaders(OutputTransform):
        def transform_first_chunk(self, status_code, response_headers, chunk, finishing):
            response_headers.pop("Server", None)
            for name, value in wanted.items():
                if name not in response_headers:
                    response_headers[name] = value
            return status_code, response_headers, chunk

    return SecurityHeaders


def cookies_samesite_by_default() -> None:
    """Make ``RequestHandler.set_cookie`` add ``SameSite=Strict``, and ``Secure`` over HTTPS, unless told."""
    from .voila_handlers import is_https

    original = RequestHandler.set_cookie
    if getattr(original, "innerwork_safe", False):
        return

    def set_cookie(self, name, value, *args, **kwargs):
        kwargs.setdefault("samesite", "Strict")
        if is_https(self):
            kwargs["secure"] = True
        return original(self, name, value, *args, **kwargs)

    set_cookie.innerwork_safe = True
    RequestHandler.set_cookie = set_cookie
