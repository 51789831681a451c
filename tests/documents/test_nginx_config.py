"""The deploy's nginx configuration (deploy/nginx/tsunagaru.conf), run for real.

Debian's nginx (`make test` installs nginx-light) is started on 127.0.0.1 with the file as the
README shows it, its placeholders filled in: HTTPS with a self-signed certificate (made with
`cryptography`, like `openssl req -x509`), the port-80 redirect on a second port, MEDIA_ROOT a
temporary directory with real files, and pytest-django's live_server as gunicorn. The app runs
with production's proxy settings: HTTPS known only from X-Forwarded-Proto (the admin's CSRF
origin check fails without it) and one allowed host name (a lost Host header answers 400).
What nginx must do: serve Wagtail images from disk, answer 404 for everything else under
/media/ (documents above all: a private document must never be reachable behind the app's
back), send documents through the app's /documents/ view, and take uploads up to the
documents' 20 MB limit.
"""

import datetime
import io
import re
import ssl
import urllib.error
import urllib.request
from pathlib import Path

import pytest
import requests
from django.conf import settings as django_settings
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, CollectionViewRestriction
from wagtail.users.models import UserProfile

from tests.documents.files import padded_pdf_bytes, pdf_bytes, upload, use_media_dir
from tests.factories import UserFactory
from tests.nginx import free_port, running_nginx

CONFIG = Path(django_settings.BASE_DIR) / "deploy" / "nginx" / "tsunagaru.conf"
README = Path(django_settings.BASE_DIR) / "README.md"
HOST = "tsunagaru.test"
MB = 1024 * 1024


class NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def request(url, method="GET", data=None):
    """(status, body, headers) for one request to nginx, as a browser at https://HOST/."""
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE  # the test's own self-signed certificate
    opener = urllib.request.build_opener(
        urllib.request.HTTPSHandler(context=context), NoRedirects()
    )
    headers = {"Host": HOST}
    if data is not None:
        headers["Content-Type"] = "application/octet-stream"
    req = urllib.request.Request(url, data=data, method=method, headers=headers)  # noqa: S310
    try:
        with opener.open(req, timeout=20) as response:
            return response.status, response.read(), response.headers
    except urllib.error.HTTPError as error:
        return error.code, error.read(), error.headers


def self_signed_certificate(folder):
    """A certificate for HOST valid for a day, as `openssl req -x509 -nodes` makes one (made
    with `cryptography`, a dependency already, so no openssl binary is needed)."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, HOST)])
    now = datetime.datetime.now(datetime.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName(HOST)]), critical=False)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = folder / "cert.pem", folder / "key.pem"
    cert_path.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_path, key_path


def site_config(app_port, https_port, http_port, media_root, temp):
    """deploy/nginx/tsunagaru.conf with its placeholders filled in, as an operator does."""
    cert, key = self_signed_certificate(temp)
    text = CONFIG.read_text()
    for placeholder, value in {
        "__SERVER_NAME__": HOST,
        "__LISTEN_HTTPS__": f"127.0.0.1:{https_port} ssl",
        "__LISTEN_HTTP__": f"127.0.0.1:{http_port}",
        "__CERT_KEY__": str(key),
        "__CERT__": str(cert),
        "__MEDIA_ROOT__": str(media_root),
        "__APP__": f"127.0.0.1:{app_port}",
    }.items():
        assert placeholder in text, f"{placeholder} is no longer in {CONFIG}"
        text = text.replace(placeholder, value)
    assert "__" not in text.replace("$request_uri", ""), "a placeholder the test does not know"
    return text


@pytest.fixture
def media_root(settings, tmp_path):
    root = tmp_path / "media"
    use_media_dir(settings, root)
    return root


@pytest.fixture
def production_proxy(settings):
    """The app trusts the proxy as production does (config/settings/production.py)."""
    settings.ALLOWED_HOSTS = [HOST]
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")


@pytest.fixture
def nginx(live_server, media_root, production_proxy, tmp_path):
    temp = tmp_path / "nginx"
    temp.mkdir()
    https_port, http_port = free_port(), free_port()
    app_port = live_server.url.rsplit(":", 1)[1]
    (temp / "tsunagaru.conf").write_text(
        site_config(app_port, https_port, http_port, media_root, temp)
    )
    with running_nginx(temp, f"    include {temp}/tsunagaru.conf;", [https_port, http_port]):
        yield {"https": f"https://127.0.0.1:{https_port}", "http": f"http://127.0.0.1:{http_port}"}


@pytest.fixture
def uploads(client, media_root, production_proxy):
    """A public and a private document uploaded by an editor through the admin, and an image
    with a rendition, all stored under MEDIA_ROOT."""
    from tests.conftest import ensure_wagtail_base

    ensure_wagtail_base()  # live_server tests run on a flushed database
    root = Collection.get_first_root_node()
    private = root.add_child(name="会員限定資料")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN
    )
    client.force_login(UserFactory(groups=["Contractor editors"]))
    for name, collection in [("public-plan.pdf", root), ("private-plan.pdf", private)]:
        response = client.post(
            "/admin/documents/add/",
            {"title": name, "file": upload(name, pdf_bytes()), "collection": collection.pk},
            secure=True,
            headers={"host": HOST},
        )
        assert response.status_code == 302, response.content.decode()[:3000]
    client.logout()
    Document = get_document_model()
    public = Document.objects.get(title="public-plan.pdf")
    private = Document.objects.get(title="private-plan.pdf")
    assert (media_root / public.file.name).exists() and (media_root / private.file.name).exists()
    image = get_image_model()(title="苫小牧港", file=upload("port.jpg", jpeg_bytes()))
    image.description = "苫小牧港の夕景"
    image.save()
    rendition = image.get_rendition("fill-80x60")
    assert (media_root / rendition.file.name).exists()
    profile = UserProfile.get_for_user(UserFactory(groups=["Contractor editors"]))
    profile.avatar = upload("face.jpg", jpeg_bytes())
    profile.save()
    return {
        "public": public,
        "private": private,
        "image": image,
        "rendition": rendition,
        "avatar": profile.avatar,
    }


def jpeg_bytes():
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (160, 120), (30, 90, 160)).save(out, "JPEG")
    return out.getvalue()


def test_the_media_directory_serves_images_and_nothing_else(nginx, uploads):
    for key in ("public", "private"):
        status, body, _headers = request(nginx["https"] + "/media/" + uploads[key].file.name)
        assert status == 404, key
        assert pdf_bytes() not in body
    status, body, headers = request(nginx["https"] + uploads["rendition"].url)
    assert uploads["rendition"].url.startswith("/media/images/")
    assert (status, headers["Content-Type"]) == (200, "image/jpeg")
    assert body == uploads["rendition"].file.open("rb").read()
    status, _body, headers = request(nginx["https"] + uploads["image"].file.url)
    assert (status, headers["Content-Type"]) == (200, "image/jpeg")
    assert headers["X-Content-Type-Options"] == "nosniff"
    # The admin's profile pictures (Wagtail's avatar upload) show in the admin.
    assert uploads["avatar"].url.startswith("/media/avatar_images/avatar_")
    status, _body, headers = request(nginx["https"] + uploads["avatar"].url)
    assert (status, headers["Content-Type"]) == (200, "image/jpeg")
    # Whatever else lands in MEDIA_ROOT, and tricks with the path, stay unserved.
    for path in [
        "/media/documents/",
        "/media/images/../documents/" + Path(uploads["private"].file.name).name,
        "/media/original_images/../documents/" + Path(uploads["private"].file.name).name,
        "/media/%2e%2e/media/documents/" + Path(uploads["private"].file.name).name,
    ]:
        status, body, _headers = request(nginx["https"] + path)
        assert status in (400, 404), path
        assert pdf_bytes() not in body, path


def test_documents_go_through_the_app_which_checks_privacy(nginx, uploads):
    status, _body, headers = request(nginx["https"] + uploads["private"].url)
    assert status == 302
    assert headers["Location"].startswith("/ja/accounts/login/?next=")
    status, body, headers = request(nginx["https"] + uploads["public"].url)
    assert status == 200
    assert body == pdf_bytes()
    assert headers["Content-Disposition"].startswith("attachment;")
    assert headers["Server"] == "nginx"  # no version


def test_plain_http_is_redirected_to_https(nginx):
    status, _body, headers = request(nginx["http"] + "/documents/1/plan.pdf?x=1")
    assert status == 301
    assert headers["Location"] == f"https://{HOST}/documents/1/plan.pdf?x=1"


@pytest.mark.filterwarnings("ignore::urllib3.exceptions.InsecureRequestWarning")  # our own cert
def test_uploads_up_to_the_documents_limit_reach_the_app(nginx, uploads, client, settings):
    """An editor's upload through nginx: 21 MB reaches the app, which refuses it with its own
    message (the 20 MB default); 30 MB stops at nginx (413) and never reaches gunicorn."""
    editor = UserFactory(groups=["Contractor editors"])
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(editor)
    cookies = {settings.SESSION_COOKIE_NAME: client.cookies[settings.SESSION_COOKIE_NAME].value}
    add = nginx["https"] + "/admin/documents/add/"
    headers = {"Host": HOST, "Origin": f"https://{HOST}", "Referer": f"https://{HOST}/admin/"}
    form = requests.get(add, headers=headers, cookies=cookies, verify=False, timeout=20)
    assert form.status_code == 200, form.text[:2000]
    cookies.update(form.cookies.get_dict())
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text).group(1)
    root = Collection.get_first_root_node().pk
    before = get_document_model().objects.count()
    for size, status, shown in [
        (21 * MB, 200, "This file is larger than 20 MB."),
        (30 * MB, 413, ""),
    ]:
        response = requests.post(
            add,
            data={"title": "big plan", "collection": root, "csrfmiddlewaretoken": token},
            files={"file": ("big-plan.pdf", padded_pdf_bytes(size), "application/pdf")},
            headers=headers,
            cookies=cookies,
            verify=False,
            timeout=60,
            allow_redirects=False,
        )
        assert response.status_code == status, response.text[:2000]
        assert shown in response.text
    assert get_document_model().objects.count() == before


def test_the_readme_shows_the_tested_configuration():
    shown = CONFIG.read_text().strip() in README.read_text()
    assert shown, "README.md must show deploy/nginx/tsunagaru.conf verbatim, as tested here"
