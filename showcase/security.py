"""The security headers every response carries, and why each one is there.

Copy them into your own app with an ``@app.after_request`` function, as app.py does.
"""

CONTENT_SECURITY_POLICY = "; ".join(
    (
        # Everything comes from this site, unless a line below says otherwise.
        "default-src 'self'",
        # Scripts and styles only from files in static/: no inline <script> or
        # style="...", and no eval(), so injected markup cannot run or restyle.
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        # Nobody may put this site in a frame (clickjacking), and forms post only here.
        "frame-ancestors 'none'",
        "form-action 'self'",
        "base-uri 'none'",
        "object-src 'none'",
    )
)

# The playground's page and files (showcase/playground.py): Pyodide compiles WebAssembly in a
# worker started from this site. Still no eval() and no inline script, there or anywhere.
RUNTIME_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.replace(
    "script-src 'self'", "script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'"
)

SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    # Trust the Content-Type we send; never guess ("sniff") another.
    "X-Content-Type-Options": "nosniff",
    # Other sites learn only that a visitor came from this origin, not which page.
    "Referrer-Policy": "strict-origin-when-cross-origin",
    # frame-ancestors for browsers too old to read it.
    "X-Frame-Options": "DENY",
    # A page opened from here cannot reach back into this window, nor this one into it.
    "Cross-Origin-Opener-Policy": "same-origin",
    # No camera, microphone, location... for any page of this site.
    "Permissions-Policy": (
        "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
        "microphone=(), payment=(), usb=(), interest-cohort=()"
    ),
}
