#!/usr/bin/env python3
"""Writes a deterministic benchmark corpus in offermap's input format.

    bench/generate.py OUT COUNTIES INSTITUTIONS_PER_COUNTY

German offers and Markdown bodies of real-looking length (1-3 KB a file), a few explicit
labels, most left to the classifier, referrals and contacts. Same arguments, same bytes.
"""
import os
import random
import shutil
import sys

TYPES = ["wirtschaftsfoerderung", "kammer", "arbeitsagentur", "integration", "mso", "behoerde",
         "bildung", "finanzinstitut", "verein", "sonstige"]
PHASES = ["orientierung", "vorgruendung", "gruendung", "festigung", "wachstum", "nachfolge"]
CATEGORIES = ["information", "beratung", "qualifizierung", "finanzierung", "recht", "aufenthalt",
              "anerkennung", "sprache", "netzwerk", "raeume"]
LANGUAGES = ["de", "en", "tr", "ar", "ru", "uk", "fa", "pl"]
GROUPS = ["alle", "migrant", "gefluechtete", "frauen", "jugend", "arbeitslose", "handwerk"]
OFFERS = [
    ("Gründungsberatung im Einzelgespräch", "Wir besprechen Ihre Geschäftsidee, den Businessplan und den Finanzierungsplan in einem vertraulichen Gespräch."),
    ("Infoabend Existenzgründung", "Einmal im Monat informieren wir über die ersten Schritte in die Selbstständigkeit und beantworten Fragen."),
    ("Businessplan-Seminar", "In drei Abenden erarbeiten Sie Ihren Businessplan mit Marktanalyse, Preiskalkulation und Finanzplanung."),
    ("Gründungszuschuss und Einstiegsgeld", "Beratung zu Gründungszuschuss, Einstiegsgeld und zur fachkundigen Stellungnahme für den Antrag."),
    ("Gewerbeanmeldung und Steuern", "Wir erklären Gewerbeanmeldung, Anmeldung beim Finanzamt, Versicherungen und Pflichten in den ersten Monaten."),
    ("Aufenthaltsrecht und Selbstständigkeit", "Beratung zur Aufenthaltserlaubnis für selbstständige Tätigkeit nach § 21 AufenthG vor der Gründung."),
    ("Anerkennung ausländischer Abschlüsse", "Wir prüfen, ob Ihr Berufsabschluss anerkannt werden kann, und begleiten das Verfahren."),
    ("Deutschkurs für Gründerinnen", "Berufsbezogener Sprachkurs mit Wortschatz für Verhandlungen, Verträge und Kundengespräche."),
    ("Gründerstammtisch und Mentoring", "Erfahrene Unternehmerinnen und Unternehmer begleiten Sie als Mentorinnen und Mentoren im ersten Jahr."),
    ("Coworking im Gründerzentrum", "Günstige Arbeitsplätze, Besprechungsräume und eine Werkstatt für junge Unternehmen."),
    ("Nachfolgebörse", "Wir bringen Betriebe, die eine Nachfolge suchen, mit Übernahmeinteressierten zusammen."),
    ("Krisenberatung für junge Unternehmen", "Bei Liquiditätsengpässen in den ersten Jahren helfen wir mit Beratung und Kontakten."),
]
BODY = ("Die {name} unterstützt Gründerinnen und Gründer im Kreis {county}. "
        "Wir arbeiten eng mit der Wirtschaftsförderung, den Kammern und dem Jobcenter zusammen und "
        "vermitteln bei Bedarf weiter.\n\n"
        "## Was wir bieten\n\n"
        "- persönliche Beratung nach Terminvereinbarung\n"
        "- Veranstaltungen und Seminare rund um die Gründung\n"
        "- Kontakte zu **Netzwerken** und [Förderprogrammen](https://example.org/foerderung)\n\n"
        "Unsere Beratung ist vertraulich. Bitte bringen Sie vorhandene Unterlagen mit, zum Beispiel "
        "einen ersten Entwurf des Businessplans oder Nachweise über Ihre Qualifikation.\n")


def institution(rng, county, county_name, index, count):
    kind = TYPES[index % len(TYPES)]
    name = f"Einrichtung {index:03d} ({kind}) {county_name}"
    refs = sorted({f"inst-{rng.randrange(count):03d}" for _ in range(rng.randrange(4))} - {f"inst-{index:03d}"})
    lines = ["---", f"name: \"{name}\"", f"short: \"E{index:03d}\"", f"type: {kind}",
             f"website: https://example.org/{county}/{index}", f"address: \"Hauptstraße {index}, 12345 Musterstadt\"",
             f"updated: 2026-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}", "contacts:"]
    for c in range(rng.randrange(1, 3)):
        lines += [f"  - name: Person {index}-{c}", "    role: Beratung", f"    email: p{index}{c}@example.org",
                  "    phone: \"0000 000\"", f"    public: {'true' if rng.random() < 0.5 else 'false'}"]
    if refs:
        lines.append(f"refers_to: [{', '.join(refs)}]")
    lines.append("offers:")
    for o in range(rng.randrange(2, 6)):
        title, text = OFFERS[rng.randrange(len(OFFERS))]
        lines += [f"  - title: \"{title} {o + 1}\"", f"    description: \"{text} {text}\""]
        if rng.random() < 0.2:
            lines += [f"    phases: [{rng.choice(PHASES)}]", f"    categories: [{rng.choice(CATEGORIES)}]"]
        lines += [f"    languages: [{', '.join(sorted({'de', rng.choice(LANGUAGES)}))}]",
                  f"    target_groups: [{rng.choice(GROUPS)}]", f"    cost: {rng.choice(['free', 'reduced', 'paid'])}",
                  f"    format: {rng.choice(['in-person', 'online', 'phone', 'outreach'])}"]
    lines.append("---")
    body = BODY.format(name=name, county=county_name) * rng.randrange(1, 3)
    return "\n".join(lines) + "\n" + body


def main():
    out, counties, per_county = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    rng = random.Random(20261125)
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(out)
    here = os.path.dirname(os.path.abspath(__file__))
    shutil.copy(os.path.join(here, "..", "inputs", "taxonomy.yaml"), os.path.join(out, "taxonomy.yaml"))
    for c in range(counties):
        county = f"kreis-{c:03d}"
        folder = os.path.join(out, county, "institutions")
        os.makedirs(folder)
        with open(os.path.join(out, county, "county.yaml"), "w", encoding="utf-8") as f:
            f.write(f"name: Kreis {c:03d}\nstate: Hessen\n")
        for i in range(per_county):
            with open(os.path.join(folder, f"inst-{i:03d}.md"), "w", encoding="utf-8") as f:
                f.write(institution(rng, county, f"Kreis {c:03d}", i, per_county))


if __name__ == "__main__":
    main()
