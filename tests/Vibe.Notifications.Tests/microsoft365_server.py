#!/usr/bin/python3
"""Stand-ins for the Microsoft identity platform and Microsoft Graph on loopback, over real HTTPS, for vibe's tests.

POST /{tenant}/oauth2/v2.0/token   the client-credentials grant: checks the tenant, client id, client secret (or
                                   a client assertion whose x5t names --certificate-sha1 or --certificate-sha256) and a /.default scope;
                                   answers like the platform, AADSTS codes included. Issued tokens go to DIR/tokens.txt
                                   (one per line) for the SMTP stand-in to check; each request is counted in
                                   DIR/token-requests.log as "client=<id> credential=<secret|certificate> scope=<scope>".
POST /v1.0/users/{sender}/sendMail checks the bearer token (issued, not in DIR/revoked.txt), saves the JSON body as
                                   DIR/graph-NNNN.json and answers 202 with a request-id header.
Prints "ready" once it accepts connections; stops when its stdin closes or it is killed.
"""
import argparse
import base64
import itertools
import json
import os
import secrets
import ssl
import sys
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def b64url_json(part):
    part += "=" * (-len(part) % 4)
    return json.loads(base64.urlsafe_b64decode(part))


def make_handler(args):
    counter = itertools.count(1)
    lock = threading.Lock()

    def append(name, line):
        with lock, open(os.path.join(args.dir, name), "a") as f:
            f.write(line + "\n")

    def lines(name):
        path = os.path.join(args.dir, name)
        return set(open(path).read().split()) if os.path.exists(path) else set()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *_):
            pass

        def answer(self, status, body, headers=None):
            data = json.dumps(body).encode() if body is not None else b""
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            for key, value in (headers or {}).items():
                self.send_header(key, value)
            self.end_headers()
            self.wfile.write(data)

        def aad_error(self, status, error, code, text):
            self.answer(status, {"error": error, "error_description": f"AADSTS{code}: {text} Trace ID: 0000 Correlation ID: 0000",
                                 "error_codes": [code]})

        def do_GET(self):
            parts = self.path.strip("/").split("/")
            if len(parts) >= 2 and parts[-1] == "openid-configuration":
                base = f"https://127.0.0.1:{args.port}/{parts[0]}"
                return self.answer(200, {"token_endpoint": f"{base}/oauth2/v2.0/token", "issuer": f"{base}/v2.0",
                                         "authorization_endpoint": f"{base}/oauth2/v2.0/authorize"})
            self.answer(404, {"error": {"code": "NotFound", "message": self.path}})

        def do_POST(self):
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length)
            path = urllib.parse.urlparse(self.path).path
            parts = path.strip("/").split("/")
            if parts[1:] == ["oauth2", "v2.0", "token"]:
                return self.token(parts[0], urllib.parse.parse_qs(body.decode()))
            if len(parts) == 4 and parts[1] == "users" and parts[3] == "sendMail":
                return self.send_mail(urllib.parse.unquote(parts[2]), body)
            self.answer(404, {"error": {"code": "NotFound", "message": self.path}})

        def token(self, tenant, form):
            field = lambda name: (form.get(name) or [""])[0]
            if tenant != args.tenant:
                return self.aad_error(400, "invalid_request", 90002, f"Tenant '{tenant}' not found.")
            if field("grant_type") != "client_credentials":
                return self.aad_error(400, "unsupported_grant_type", 70003, "The app requested an unsupported grant type.")
            if field("client_id") != args.client_id:
                return self.aad_error(400, "unauthorized_client", 700016,
                                      f"Application with identifier '{field('client_id')}' was not found in the directory.")
            if not field("scope").endswith("/.default"):
                return self.aad_error(400, "invalid_scope", 1002012, "The provided value for scope is not valid.")
            if field("client_assertion"):
                # MSAL names the signing certificate by its SHA-1 (x5t) or SHA-256 (x5t#S256) thumbprint.
                header = b64url_json(field("client_assertion").split(".")[0])
                named = {base64.urlsafe_b64decode(header[key] + "=" * (-len(header[key]) % 4)).hex().upper()
                         for key in ("x5t", "x5t#S256") if header.get(key)}
                if not named & {args.certificate_sha1.upper(), args.certificate_sha256.upper()} - {""}:
                    return self.aad_error(401, "invalid_client", 700027, "Client assertion contains an invalid signature.")
                credential = "certificate"
            elif field("client_secret") != args.client_secret:
                return self.aad_error(401, "invalid_client", 7000215,
                                      "Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID.")
            else:
                credential = "secret"
            token = f"tok-{next(counter)}-{secrets.token_hex(12)}"
            append("tokens.txt", token)
            append("token-requests.log", f"client={field('client_id')} credential={credential} scope={field('scope')}")
            self.answer(200, {"token_type": "Bearer", "expires_in": args.expires_in, "ext_expires_in": args.expires_in,
                              "access_token": token})

        def send_mail(self, sender, body):
            auth = self.headers.get("Authorization") or ""
            token = auth[len("Bearer "):] if auth.startswith("Bearer ") else ""
            if token not in lines("tokens.txt") or token in lines("revoked.txt"):
                return self.answer(401, {"error": {"code": "InvalidAuthenticationToken", "message": "Access token has expired or is not yet valid."}})
            if sender != args.sender:
                return self.answer(404, {"error": {"code": "ErrorInvalidUser", "message": f"The requested user '{sender}' is invalid."}})
            number = len([f for f in os.listdir(args.dir) if f.startswith("graph-")]) + 1
            target = os.path.join(args.dir, f"graph-{number:04d}.json")
            with open(target + ".tmp", "wb") as f:
                f.write(body)
            os.replace(target + ".tmp", target)
            append("graph-tokens.log", token)
            self.answer(202, None, {"request-id": f"req-{number}"})

    return Handler


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--dir", required=True)
    parser.add_argument("--cert", required=True)
    parser.add_argument("--key", required=True)
    parser.add_argument("--tenant", required=True)
    parser.add_argument("--client-id", required=True)
    parser.add_argument("--client-secret", default="")
    parser.add_argument("--certificate-sha1", default="")
    parser.add_argument("--certificate-sha256", default="")
    parser.add_argument("--sender", default="")
    parser.add_argument("--expires-in", type=int, default=3600)
    args = parser.parse_args()
    os.makedirs(args.dir, exist_ok=True)

    server = ThreadingHTTPServer(("127.0.0.1", args.port), make_handler(args))
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(args.cert, args.key)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print("ready", flush=True)
    try:
        sys.stdin.read()
    finally:
        server.shutdown()


if __name__ == "__main__":
    main()
