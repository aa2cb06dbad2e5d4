"""Open data: the HSDS 3 export validates against the Open Referral schemas (copies in
hsds-schema/, no network), its references hold together, and nothing anywhere in a site shows a
contact that is not marked public."""
import json
import pathlib

import jsonschema
import referencing
import referencing.exceptions
import referencing.jsonschema

SCHEMAS = pathlib.Path(__file__).resolve().parent / "hsds-schema"
FILES = {"organizations.json": "organization.json", "services.json": "service.json", "contacts.json": "contact.json",
         "languages.json": "language.json", "service_areas.json": "service_area.json",
         "taxonomy_terms.json": "taxonomy_term.json", "attributes.json": "attribute.json"}


def registry():
    def retrieve(uri):
        name = uri.rsplit("/", 1)[-1]
        path = SCHEMAS / name
        if not path.exists():
            raise referencing.exceptions.NoSuchResource(f"{name} is not in {SCHEMAS}; copy it from openreferral/specification")
        return referencing.Resource.from_contents(json.loads(path.read_text(encoding="utf-8")),
                                                  default_specification=referencing.jsonschema.DRAFT202012)
    return referencing.Registry(retrieve=retrieve)


def validator(name):
    schema = json.loads((SCHEMAS / name).read_text(encoding="utf-8"))
    # The HSDS 3 schemas declare no $schema; they are written for JSON Schema 2020-12.
    cls = jsonschema.validators.validator_for(schema, default=jsonschema.Draft202012Validator)
    cls.check_schema(schema)
    return cls(schema, registry=registry(), format_checker=cls.FORMAT_CHECKER)


def load(site, name):
    return json.loads((site.root / "data/hsds" / name).read_text(encoding="utf-8"))


def test_uuid_and_uri_formats_are_really_checked():
    v = validator("organization.json")
    assert not v.is_valid({"id": "not-a-uuid", "name": "x", "description": "x"})
    assert not v.is_valid({"id": "d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610", "name": "x", "description": "x", "website": "kein url"})
    assert v.is_valid({"id": "d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610", "name": "x", "description": "x", "website": "https://a.example"})


def test_hsds_export_validates_against_the_hsds3_schemas(sites):
    problems, items = [], 0
    for site in sites:
        for file, schema in FILES.items():
            v = validator(schema)
            records = load(site, file)
            assert isinstance(records, list), f"{file} is not a JSON array"
            for index, record in enumerate(records):
                items += 1
                for error in v.iter_errors(record):
                    problems.append(f"{site.name}/data/hsds/{file}[{index}] {list(error.absolute_path)}: {error.message}")
                for field in v.schema.get("tabular_required", []):  # required in the tabular (one file per table) form
                    if field not in record:
                        problems.append(f"{site.name}/data/hsds/{file}[{index}]: '{field}' is required in tabular HSDS")
    print(f"HSDS: {items} records validated")
    assert items > 0
    assert not problems, "\n".join(problems)


def test_hsds_references_and_ids_hold_together(sites):
    for site in sites:
        tables = {file: load(site, file) for file in FILES}
        ids = {file: [r["id"] for r in records] for file, records in tables.items()}
        for file, values in ids.items():
            assert len(values) == len(set(values)), f"duplicate ids in {file}"
        organizations, services = set(ids["organizations.json"]), set(ids["services.json"])
        terms = set(ids["taxonomy_terms.json"])
        assert {s["organization_id"] for s in tables["services.json"]} <= organizations
        assert {c["organization_id"] for c in tables["contacts.json"]} <= organizations
        for file in ("languages.json", "service_areas.json"):
            assert {r["service_id"] for r in tables[file]} <= services, file
        for a in tables["attributes.json"]:
            assert a["link_entity"] == "service" and a["link_id"] in services and a["taxonomy_term_id"] in terms
        codes = [t["code"] for t in tables["taxonomy_terms.json"]]
        assert len(codes) == len(set(codes)), "taxonomy term codes must be unique"


def test_public_contacts_only(fixture_site):
    from conftest import PRIVATE
    contacts = load(fixture_site, "contacts.json")
    assert {c["name"] for c in contacts} == {"Erika Beispiel", "Samira Öffentlich"}
    for path in fixture_site.root.rglob("*"):
        if path.is_file():
            text = path.read_text(encoding="utf-8")
            for secret in PRIVATE:
                assert secret not in text, f"{path.relative_to(fixture_site.root)} shows the private contact detail {secret!r}"


def test_no_private_contact_in_the_rendered_pages(fixture_site, driver):
    """What a visitor sees, after the browser decoded every entity and ran the scripts."""
    from conftest import PRIVATE
    for kind, relative in fixture_site.page_types():
        driver.get(fixture_site.url(relative))
        text = driver.execute_script("return document.documentElement.outerHTML + document.body.innerText")
        for secret in PRIVATE:
            assert secret not in text, f"{relative} shows {secret!r}"
