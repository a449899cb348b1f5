#!/usr/bin/python3
"""A real SMTP server on loopback for vibe's notification tests, built on Debian's python3-aiosmtpd.

Each accepted message is written to DIR/NNNN.eml (the bytes as received) with DIR/NNNN.json beside it (envelope
sender, recipients, the login used, whether TLS was on). Options:
  --starttls CERT KEY      offer and require STARTTLS
  --implicit-tls CERT KEY  TLS from the first byte (SMTPS)
  --user U --password P    require AUTH (PLAIN/LOGIN) with these credentials (aiosmtpd allows it only over TLS)
  --fail-first N           answer the first N messages with a transient 451
  --auth-in-clear          accept AUTH without TLS (a server, or a man in the middle, that strips STARTTLS)
  --xoauth2 DIR            with --user: offer AUTH XOAUTH2 as Exchange Online does, and accept the bearer tokens listed in
                           DIR/tokens.txt that are not in DIR/revoked.txt (the identity stand-in writes them); a refused
                           token gets Exchange's 334 JSON challenge and then "535 5.7.3 Authentication unsuccessful"
Every AUTH attempt is appended to DIR/auth.log as "AUTH <mechanism> tls=<bool>" (XOAUTH2: "... user=<u> token=<t> ok=<bool>").
Prints "ready" once it accepts connections; stops when its stdin closes or it is killed.
"""
import argparse
import asyncio
import base64
import itertools
import json
import os
import ssl
import sys

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


class SaveToFolder:
    def __init__(self, folder, fail_first):
        self.folder = folder
        self.fail_first = fail_first
        self.counter = itertools.count(1)
        self.rejected = 0

    async def handle_DATA(self, server, session, envelope):
        if self.rejected < self.fail_first:
            self.rejected += 1
            return "451 4.3.0 Try again later (test server)"
        number = next(self.counter)
        base = os.path.join(self.folder, f"{number:04d}")
        login = None
        if isinstance(session.auth_data, LoginPassword):
            login = session.auth_data.login.decode()
        envelope_info = {
            "mail_from": envelope.mail_from,
            "rcpt_tos": envelope.rcpt_tos,
            "login": login,
            # session.ssl is set by STARTTLS; a TLS-on-connect socket shows in the transport instead.
            "tls": session.ssl is not None or server.transport.get_extra_info("ssl_object") is not None,
        }
        with open(base + ".json.tmp", "w") as f:
            json.dump(envelope_info, f)
        os.replace(base + ".json.tmp", base + ".json")
        with open(base + ".eml.tmp", "wb") as f:
            f.write(envelope.original_content)
        os.replace(base + ".eml.tmp", base + ".eml")
        return f"250 2.0.0 OK queued as vibe-test-{number}"


def read_set(path):
    return set(open(path).read().split()) if os.path.exists(path) else set()


class SaveWithXoauth2(SaveToFolder):
    """Adds Exchange Online's XOAUTH2: "user=<mailbox>^Aauth=Bearer <token>^A^A", base64, as the initial response."""

    def __init__(self, folder, fail_first, user, tokens_dir):
        super().__init__(folder, fail_first)
        self.user = user
        self.tokens_dir = tokens_dir

    async def auth_XOAUTH2(self, server, args):
        if len(args) > 1:
            data = base64.b64decode(args[1])
        else:
            data = await server.challenge_auth("")
            if not isinstance(data, bytes):
                return AuthResult(success=False, handled=False)
        fields = dict(part.split("=", 1) for part in data.decode().split("\x01") if "=" in part)
        user = fields.get("user", "")
        token = fields.get("auth", "")[len("Bearer "):]
        ok = user == self.user and token in read_set(os.path.join(self.tokens_dir, "tokens.txt")) \
            and token not in read_set(os.path.join(self.tokens_dir, "revoked.txt"))
        with open(os.path.join(self.folder, "auth.log"), "a") as log:
            log.write(f"AUTH XOAUTH2 tls={server.session.ssl is not None} user={user} token={token} ok={ok}\n")
        if ok:
            return AuthResult(success=True, auth_data=LoginPassword(user.encode(), b""))
        challenge = json.dumps({"status": "401", "schemes": "bearer", "scope": "https://outlook.office.com/SMTP.Send"})
        await server.challenge_auth(challenge)
        return AuthResult(success=False, handled=False, message="535 5.7.3 Authentication unsuccessful")


def tls_context(cert, key):
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    return context


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--dir", required=True)
    parser.add_argument("--starttls", nargs=2, metavar=("CERT", "KEY"))
    parser.add_argument("--implicit-tls", nargs=2, metavar=("CERT", "KEY"))
    parser.add_argument("--user")
    parser.add_argument("--password")
    parser.add_argument("--fail-first", type=int, default=0)
    parser.add_argument("--auth-in-clear", action="store_true")
    parser.add_argument("--xoauth2")
    args = parser.parse_args()
    os.makedirs(args.dir, exist_ok=True)

    kwargs = {}
    if args.starttls:
        kwargs["tls_context"] = tls_context(*args.starttls)
        kwargs["require_starttls"] = True
    if args.implicit_tls:
        kwargs["ssl_context"] = tls_context(*args.implicit_tls)
    handler = SaveToFolder(args.dir, args.fail_first)
    if args.xoauth2:
        handler = SaveWithXoauth2(args.dir, args.fail_first, args.user, args.xoauth2)
        kwargs["auth_required"] = True
        kwargs["auth_exclude_mechanism"] = ["PLAIN", "LOGIN"]
    elif args.user:
        def authenticator(server, session, envelope, mechanism, auth_data):
            with open(os.path.join(args.dir, "auth.log"), "a") as log:
                log.write(f"AUTH {mechanism} tls={session.ssl is not None}\n")
            ok = isinstance(auth_data, LoginPassword) \
                and auth_data.login == args.user.encode() and auth_data.password == args.password.encode()
            return AuthResult(success=ok, handled=False, auth_data=auth_data if ok else None)
        kwargs["authenticator"] = authenticator
        kwargs["auth_required"] = True
        if args.auth_in_clear:
            kwargs["auth_require_tls"] = False

    controller = Controller(
        handler, hostname="127.0.0.1", port=args.port,
        server_hostname="vibe-test-smtp", loop=asyncio.new_event_loop(), **kwargs)
    controller.start()
    print("ready", flush=True)
    try:
        sys.stdin.read()
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
