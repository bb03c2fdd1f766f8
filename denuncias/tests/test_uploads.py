"""File checks: type by extension and content, size, emptiness."""

import pytest

from denuncias import uploads

MB = 1024 * 1024


@pytest.mark.parametrize(
    ("name", "head"),
    [
        ("informe.pdf", b"%PDF-1.7\n"),
        ("FOTO.JPG", b"\xff\xd8\xff\xe0\x00\x10JFIF"),
        ("captura.png", b"\x89PNG\r\n\x1a\n\x00\x00"),
        ("notas.txt", "Texto con tildes: acción, pingüino".encode()),
        ("acta.docx", b"PK\x03\x04\x14\x00"),
        ("planilla.ods", b"PK\x03\x04\x14\x00"),
    ],
)
def test_accepted_files(name, head):
    assert uploads.file_error(name, 100, head, MB) is None


@pytest.mark.parametrize(
    ("name", "head", "fragment"),
    [
        ("virus.exe", b"MZ\x90\x00", "no es de un tipo permitido"),
        ("sin_extension", b"%PDF-", "no es de un tipo permitido"),
        ("pagina.html", b"<html>", "no es de un tipo permitido"),
        ("falso.pdf", b"MZ\x90\x00", "no corresponde a un archivo PDF"),
        ("falsa.png", b"%PDF-1.4", "no corresponde a un archivo PNG"),
        ("binario.txt", b"abc\x00\x01\x02", "no es texto"),
        ("latin1.txt", "acción".encode("latin-1") + b" y mucho texto despues", "no es texto"),
    ],
)
def test_refused_files_say_why(name, head, fragment):
    error = uploads.file_error(name, 100, head, MB)
    assert fragment in error and name in error


def test_oversized_file_is_refused_with_both_sizes():
    error = uploads.file_error("grande.pdf", 11 * MB, b"%PDF-", 10 * MB)
    assert "supera el máximo" in error and "11,0" in error and "10,0" in error


def test_empty_file_is_refused():
    assert "está vacío" in uploads.file_error("vacio.pdf", 0, b"", MB)


def test_text_cut_inside_a_multibyte_character_is_still_text():
    head = ("a" * 10 + "ñ").encode()[:-1]
    assert uploads.file_error("corte.txt", 100, head, MB) is None


def test_extension_ignores_paths_and_case():
    assert uploads.extension("C:\\Users\\x\\Informe.PDF") == "pdf"
    assert uploads.extension("../../etc/passwd") == ""
