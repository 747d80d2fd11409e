#!/usr/bin/env python3
"""Gatehouse with requests: log in, create and read a company, use an Auth Key, revoke it, log out.

  GATEHOUSE_URL=http://localhost:8080 GATEHOUSE_LOGIN=admin GATEHOUSE_PASSWORD=... GATEHOUSE_COMPANY=acme python3 gatehouse.py
"""
import os
import sys

import requests

url = os.environ["GATEHOUSE_URL"]
company = os.environ.get("GATEHOUSE_COMPANY", "acme")


def post(client, path, body):
    """POSTs JSON and answers the reply; exits with Gatehouse's failure when it is not a success."""
    reply = client.post(url + path, json=body, timeout=10)
    data = reply.json()
    if data.get("result") != "success":
        sys.exit(f"{path}: HTTP {reply.status_code} failure {data.get('code')} {data.get('message')}")
    return data


# Log in with the auth block; the Session keeps the Red60urne cookie for the calls after it.
session = requests.Session()
auth = {"type": "auth", "username": os.environ["GATEHOUSE_LOGIN"], "password": os.environ["GATEHOUSE_PASSWORD"]}
user = post(session, "/rest/auth/", {"auth": auth})["user"]
print(f"logged in as {user['login']} (user {user['id']})")

# A management call: create a company (values.company is its id), then read it back.
created = post(session, "/rest/ops/create/company", {"values": {"company": company, "name": "Example company"}})
print(f"created company {company}: id {created['values'][company]['id']}")
read = post(session, "/rest/ops/read/company", {"scope": {"company": company}})
print(f"read company {company}: {read['values'][company]['name']}")

# An Auth Key for this user: the reply is the only time the key is shown. Then a call with the key alone.
key = post(session, "/rest/ops/create/authinfo", {"values": {"contact_id": user["id"]}})["values"][0]
print(f"made Auth Key {key['id']}")
with requests.Session() as with_key:
    with_key.headers["Authorization"] = f"token auth={key['token']}"
    print(f"the key acts as {post(with_key, '/rest/auth/', {})['user']['login']}")

# Revoke the key and end the session.
post(session, "/rest/ops/delete/authinfo", {"scope": {"id": key["id"]}})
print(f"revoked Auth Key {key['id']}")
post(session, "/rest/auth/logout", {"auth": {"type": "auth"}})
print("logged out")
