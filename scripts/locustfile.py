"""The load of scripts/bench_load.py: visitors read pages, register as furusato residents and
send consultations; Entry Pass holders log in and use an offer at a partner's poster.

Run by bench_load.py (which starts the production server, writes the plan and reads the
results); it reads two environment variables:

    BENCH_PLAN     JSON: the pages to read, the pass holders' logins, the poster's URL and the
                   offer to use, the run's id (unique e-mail addresses)
    BENCH_RESULTS  a JSON-lines file: one line per request (name, status, start, end) and one
                   per submission attempted and acknowledged, for the reconciliation

Every visitor flow is a new visitor: a fresh cookie jar and an X-Forwarded-For address of its
own (the server trusts two proxies for the bench: this address and nginx), so the per-address
rate limits of the public forms count visitors, as they do in production.
"""

import itertools
import json
import os
import random
import re
import time

import urllib3
from locust import HttpUser, between, events, task

urllib3.disable_warnings(urllib3.exceptions.InsecureRequestWarning)  # self-signed for 127.0.0.1

PLAN = json.loads(open(os.environ["BENCH_PLAN"]).read())  # noqa: SIM115
RESULTS = open(os.environ["BENCH_RESULTS"], "a", buffering=1)  # noqa: SIM115 (one line a record)
ADDRESSES = (f"10.{n // 65536 % 256}.{n // 256 % 256}.{n % 256}" for n in itertools.count(1))
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
FORM_STARTED = re.compile(r'name="(?:profile-)?form_started" value="([^"]+)"')
SUBMISSION_TOKEN = re.compile(r'name="submission_token" value="([^"]+)"')
REFERENCE = re.compile(r"C-\d{4}-\d{5}")
DONE = re.compile(r"/pass/done/(\d+)/$")
flow_numbers = itertools.count(1)


def record(**entry):
    RESULTS.write(json.dumps(entry, ensure_ascii=False) + "\n")


@events.request.add_listener
def on_request(request_type, name, response_time, response, exception, start_time, **kwargs):
    status = getattr(response, "status_code", 0) or 0
    record(
        t="req",
        method=request_type,
        name=name,
        status=status,
        start=start_time,
        end=start_time + response_time / 1000,
        ms=response_time,
        error=type(exception).__name__ if exception and not status else None,
    )


class FlowBroken(Exception):
    """The server did not answer as a working site would; the flow stops here."""


class Browser(HttpUser):
    abstract = True
    wait_time = between(0.5, 2.0)

    def on_start(self):
        self.client.verify = False
        self.new_visitor()

    def new_visitor(self):
        self.client.cookies.clear()
        self.client.headers["X-Forwarded-For"] = next(ADDRESSES)

    def request(self, method, path, name, expect, **kwargs):
        """One request, redirects not followed; FlowBroken unless the status is expected."""
        kwargs.setdefault("allow_redirects", False)
        if method == "POST":
            # What a browser sends with a form: Django checks it on HTTPS.
            kwargs["headers"] = {"Origin": self.host, "Referer": self.host + path}
        with self.client.request(method, path, name=name, catch_response=True, **kwargs) as r:
            if r.status_code not in expect:
                r.failure(f"{r.status_code}")
                raise FlowBroken(name)
            r.success()
            return r

    def read_page(self):
        name, path = random.choice(PLAN["pages"])  # noqa: S311
        try:
            self.request("GET", path, f"page: {name}", (200,))
        except FlowBroken:
            pass


class Visitor(Browser):
    """Not logged in: reads pages, registers, asks the consultation desk."""

    @task(6)
    def pages(self):
        self.read_page()

    @task(2)
    def register(self):
        self.new_visitor()
        email = f"bench-{PLAN['run']}-r{next(flow_numbers)}@example.jp"
        url = "/ja/members/register/"
        try:
            page = self.request("GET", url, "register: form", (200,)).text
            steps = [
                ("relationship", {"relationship-relationships": ["lived", "nozei"]}),
                (
                    "profile",
                    {
                        "profile-last_name": "負荷",
                        "profile-first_name": "試験",
                        "profile-name_kana": "フカ シケン",
                        "profile-email": email,
                        "profile-login_method": "code",
                        "profile-residence_prefecture": "13",
                        "profile-residence_municipality": "13113",
                        "profile-age_band": "30s",
                        "profile-website": "",
                    },
                ),
                ("interests", {"interests-interests": ["two_region"]}),
            ]
            for step, data in steps:
                data = {
                    **data,
                    "registration_wizard-current_step": step,
                    "csrfmiddlewaretoken": CSRF.search(page).group(1),
                }
                if step == "profile":
                    data["profile-form_started"] = FORM_STARTED.search(page).group(1)
                page = self.request("POST", url, f"register: {step}", (200,), data=data).text
            record(t="attempt", kind="registration", key=email)
            final = self.request(
                "POST",
                url,
                "register: send",
                (302,),
                data={
                    "registration_wizard-current_step": "review",
                    "review-consent": "on",
                    "csrfmiddlewaretoken": CSRF.search(page).group(1),
                },
            )
            sent = self.request("GET", final.headers["Location"], "register: sent", (200,))
            if email in sent.text:
                record(t="ack", kind="registration", key=email)
        except (FlowBroken, AttributeError):
            pass

    @task(2)
    def consultation(self):
        self.new_visitor()
        number = next(flow_numbers)
        email = f"bench-{PLAN['run']}-c{number}@example.com"
        url = PLAN["consultation"]
        try:
            page = self.request("GET", url, "consultation: form", (200,)).text
            data = {
                "topics": ["two_region", "housing"],
                "message": f"負荷試験の相談 {number}: 短期で借りられる家はありますか。",
                "preferred_reply": "email",
                "preferred_dates": "",
                "name": "負荷 試験",
                "email": email,
                "phone": "",
                "residence_prefecture": "13",
                "consent": "on",
                "website": "",
                "form_started": FORM_STARTED.search(page).group(1),
                "csrfmiddlewaretoken": CSRF.search(page).group(1),
            }
            page = self.request(
                "POST", url, "consultation: confirm", (200,), data={**data, "action": "confirm"}
            ).text
            token = SUBMISSION_TOKEN.search(page).group(1)
            record(t="attempt", kind="consultation", key=email)
            thanks = self.request(
                "POST",
                url,
                "consultation: send",
                (200,),
                data={**data, "action": "send", "submission_token": token},
            )
            reference = REFERENCE.search(thanks.text)
            if reference:
                record(t="ack", kind="consultation", key=email, reference=reference.group(0))
        except (FlowBroken, AttributeError):
            pass


class PassHolder(Browser):
    """An Entry Pass holder from outside the city: logs in, uses an unlimited offer at the
    partner's poster (the visitor's own phone), reads pages in between."""

    fixed_count = PLAN["pass_holder_count"]
    holders = itertools.count()

    def on_start(self):
        super().on_start()
        self.login_email, self.password = PLAN["pass_holders"][next(self.holders)]
        self.logged_in = False

    def log_in(self):
        url = "/ja/accounts/login/"
        page = self.request("GET", url, "pass: login form", (200,)).text
        self.request(
            "POST",
            url,
            "pass: log in",
            (302,),
            data={
                "login": self.login_email,
                "password": self.password,
                "csrfmiddlewaretoken": CSRF.search(page).group(1),
            },
        )
        self.logged_in = True

    @task(3)
    def pages(self):
        self.read_page()

    @task(4)
    def use_offer(self):
        try:
            if not self.logged_in:
                self.log_in()
            url = PLAN["poster"]
            page = self.request("GET", url, "pass: offers", (200, 302))
            if page.status_code == 302:  # the session is gone: log in again
                self.logged_in = False
                return
            nonce = re.search(r'name="nonce" value="([^"]+)"', page.text).group(1)
            record(t="attempt", kind="pass_use", key=nonce, holder=self.login_email)
            used = self.request(
                "POST",
                url,
                "pass: use",
                (302,),
                data={
                    "offer": PLAN["offer"],
                    "nonce": nonce,
                    "csrfmiddlewaretoken": CSRF.search(page.text).group(1),
                },
            )
            use_id = DONE.search(used.headers["Location"])
            if use_id is None:
                return
            done = self.request("GET", used.headers["Location"], "pass: done", (200,))
            if done.status_code == 200:
                record(
                    t="ack",
                    kind="pass_use",
                    key=nonce,
                    holder=self.login_email,
                    use_id=int(use_id.group(1)),
                )
        except (FlowBroken, AttributeError):
            pass


@events.quitting.add_listener
def close_results(environment, **kwargs):
    record(t="quit", at=time.time())
    RESULTS.close()
