"""What a citizen reads first on a sheet: official headline figures, amounts in words, where the money goes."""

import re
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup

from .factories import line as budget_line
from .test_pages import SHEET_01_URL, SHEET_02_URL, text

pytestmark = pytest.mark.django_db


def soup_of(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def headline(soup):
    """[(term, figure, words)] of the key figures at the top of the sheet."""
    rows = []
    for div in soup.select(".key-figures > div"):
        dd = div.select_one("dd")
        words = dd.select_one(".in-words")
        rows.append(
            (
                text(div.select_one("dt")),
                text(dd).removesuffix(text(words) if words else "").strip(),
                words and text(words),
            )
        )
    return rows


def test_headline_is_the_official_totals_with_amounts_in_words(client):
    soup = soup_of(client, SHEET_01_URL)
    assert headline(soup) == [
        ("Presupuesto vigente", "M$\xa013.374.244", "$13.374 millones"),
        ("Devengado", "M$\xa012.693.714", "$12.694 millones"),
        ("Ejecución", "94,91\xa0%", None),
    ]
    assert "Totales oficiales publicados." in text(soup.select_one(".key-figures-source"))
    soup = soup_of(client, SHEET_02_URL)
    assert headline(soup)[0] == ("Presupuesto vigente", "M$\xa0143.780.698", "$143.781 millones")
    assert headline(soup)[2] == ("Ejecución", "99,85\xa0%", None)


def test_the_sum_of_the_lines_and_its_difference_are_explained_under_the_headline(client):
    soup = soup_of(client, SHEET_01_URL)
    notes = [text(li) for li in soup.select(".key-figures-source li")]
    assert notes == [
        "Presupuesto vigente: las líneas suman M$\xa013.374.242, M$\xa02 menos que el total oficial.",
        "Devengado: las líneas suman M$\xa012.792.716, M$\xa099.002 más que el total oficial.",
    ]
    assert soup.select_one(".key-figures-source a")["href"] == "#presupuesto-diferencias"
    assert soup.select_one("#presupuesto-diferencias") is not None


def test_no_difference_note_when_the_lines_equal_the_official_totals(client, make_sheet):
    page = make_sheet([budget_line("21", 10, 5), budget_line("22", 20, 20)], official_approved=30, official_executed=25)
    soup = soup_of(client, page.url)
    source = soup.select_one(".key-figures-source")
    assert source.select("li") == [] and source.select("a") == []
    assert "Totales oficiales publicados. Las líneas de la tabla suman exactamente lo mismo." in text(source)
    assert [figure for _term, figure, _words in headline(soup)] == ["M$\xa030", "M$\xa025", "83,33\xa0%"]


def test_without_official_totals_the_sum_of_the_lines_is_the_headline_and_says_so(client, make_sheet):
    page = make_sheet([budget_line("21", 1_500, 700), budget_line("22", 2_500, 300)])
    soup = soup_of(client, page.url)
    assert headline(soup) == [
        ("Presupuesto vigente", "M$\xa04.000", "$4 millones"),
        ("Devengado", "M$\xa01.000", "$1 millón"),
        ("Ejecución", "25,00\xa0%", None),
    ]
    assert "esta ficha no indica totales oficiales" in text(soup.select_one(".key-figures-source"))


def test_english_headline_uses_english_numbers_and_words(client):
    soup = soup_of(client, "/en" + SHEET_01_URL)
    assert headline(soup) == [
        ("Current budget", "M$\xa013,374,244", "CLP 13,374 million"),
        ("Accrued", "M$\xa012,693,714", "CLP 12,694 million"),
        ("Execution", "94.91\xa0%", None),
    ]
    notes = [text(li) for li in soup.select(".key-figures-source li")]
    assert notes == [
        "Current budget: the lines add up to M$\xa013,374,242, M$\xa02 less than the official total.",
        "Accrued: the lines add up to M$\xa012,792,716, M$\xa099,002 more than the official total.",
    ]


def shares(soup):
    """[(label, percent, bar width, words)] of the "where the money goes" chart."""
    rows = []
    for bar in soup.select(".budget-shares li.bar"):
        value = bar.select_one(".bar-value")
        words = text(value.select_one(".bar-note"))
        figure = text(value).removesuffix(words).strip()
        rows.append((text(bar.select_one(".bar-label")), figure, bar.select("rect")[1]["width"], words))
    return rows


@pytest.mark.parametrize(("prefix", "decimal_separator"), [("", ","), ("/en", ".")], ids=["spanish", "english"])
def test_share_chart_adds_up_to_the_programme_with_a_text_alternative(client, sheet_02, prefix, decimal_separator):
    soup = soup_of(client, prefix + SHEET_02_URL)
    figure = soup.select_one("figure.budget-shares")
    heading = soup.select_one("#" + figure["aria-labelledby"])
    assert text(heading) in ("Adónde va el dinero", "Where the money goes")
    rows = shares(soup)
    lines = sheet_02.budget.lines
    assert len(rows) == len(lines)
    percents = []
    for (label, percent, width, words), line in zip(rows, lines, strict=True):
        if not prefix:  # English labels are the translation's
            assert label == line.label
        number = Decimal(
            percent.removesuffix("\xa0%")
            .replace(decimal_separator, "#")
            .replace(",", "")
            .replace(".", "")
            .replace("#", ".")
        )
        assert number == Decimal(width)  # the bar is as long as the figure it shows
        assert number == (Decimal(line.approved * 10_000 // sheet_02.budget.approved) / 100)
        assert words.startswith("$" if not prefix else "CLP ")
        percents.append(number)
    # Truncation: never above 100 %, short of it by less than 0,01 % per line.
    assert Decimal(100) - Decimal("0.01") * len(lines) < sum(percents) <= Decimal(100)
    assert all(svg["aria-hidden"] == "true" for svg in figure.select("svg"))
    # Beside the execution chart, in the same row of charts.
    charts = soup.select_one(".budget-charts")
    assert charts.select_one("#presupuesto-grafico") and charts.select_one("#presupuesto-reparto")


def test_subtitulo_33_share_is_read_in_millions(client):
    rows = dict((label, (percent, words)) for label, percent, _w, words in shares(soup_of(client, SHEET_02_URL)))
    assert rows["33 Transferencias de Capital"] == ("33,99\xa0%", "$48.818 millones")


def test_over_execution_reads_as_such_next_to_its_figures(client, make_sheet):
    page = make_sheet([budget_line("21", 10_000, 12_500), budget_line("22", 0, 0)])
    soup = soup_of(client, page.url)
    execution = soup.select(".key-figures > div")[2]
    assert "is-over" in execution["class"]
    assert text(execution.select_one("dd")) == "125,00\xa0% sobreejecución: $2,5 millones más de lo vigente"
    bar = soup.select(".budget-chart li.bar")[0]
    assert text(bar.select_one(".bar-value")) == "125,00\xa0% sobreejecución: M$\xa02.500 más de lo vigente"
    # English, on the demo's over-executed line (the test sheet has no English translation).
    soup = soup_of(client, "/en" + SHEET_01_URL)
    row = next(tr for tr in soup.select("tr.is-over") if "26" in text(tr.th))
    assert text(row.select_one("td.rate")) == "100.00\xa0% over-execution: M$\xa02 more than the current budget"


def test_an_official_over_execution_is_flagged_in_the_headline_and_the_official_row(client, make_sheet):
    page = make_sheet([budget_line("21", 100, 100)], official_approved=100, official_executed=101)
    soup = soup_of(client, page.url)
    assert text(soup.select(".key-figures > div")[2].select_one("dd")) == (
        "101,00\xa0% sobreejecución: $1.000 más de lo vigente"
    )
    official = soup.select_one("tr.official td.rate")
    assert text(official) == "101,00\xa0% sobreejecución: M$\xa01 más de lo vigente"
    assert not re.search(r"100,00\xa0%$", text(official))
