"""Reading the world's news (#14): records from scrapers, dates in metadata and urls, datelines in
the forms web outlets use, the outlet and its country, and the home country they give."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from typer.testing import CliRunner

from extractor.cli import app
from extractor.datelines import parse_dateline
from extractor.reader import article_from_record, read_articles
from extractor.records import host_of, outlet_of, parse_published, url_date

STORY = "Minister of Foreign Affairs Sameh Shokry received a phone call on Tuesday."


# ------------------------------------------------------------ records


def test_news_please_record_is_read_without_configuration(tmp_path):
    record = {
        "maintext": STORY,
        "date_publish": "2022-07-26 10:15:00",
        "title": "Egypt's FM receives phone call",
        "url": "https://www.egypttoday.com/Article/1/117909/x",
        "source_domain": "egypttoday.com",
    }
    (tmp_path / "np.jsonl").write_text(json.dumps(record) + "\n")
    (article,) = read_articles([tmp_path / "np.jsonl"])
    assert article.ok and article.text == STORY
    assert article.published == "2022-07-26"
    assert article.title == "Egypt's FM receives phone call"
    assert (article.outlet, article.outlet_country) == ("egypttoday.com", "EGY")


def test_trafilatura_json_object_and_array_are_read(tmp_path):
    record = {
        "text": STORY,
        "date": "2022-07-25",
        "url": "https://www.kuwaittimes.com/a",
        "hostname": "kuwaittimes.com",
        "title": "T",
    }
    (tmp_path / "one.json").write_text(json.dumps(record))
    (tmp_path / "many.json").write_text(json.dumps([record, {**record, "date": "2022-07-24"}]))
    articles = list(read_articles([tmp_path]))
    assert [a.doc_id for a in articles] == ["many:1", "many:2", "one"]
    assert [a.published for a in articles] == ["2022-07-25", "2022-07-24", "2022-07-25"]
    assert {a.outlet_country for a in articles} == {"KWT"}


def test_a_record_without_text_names_the_fields_it_had():
    article = article_from_record({"id": "x", "html": "<p>t</p>", "pubDate": "x"}, "s", "f")
    assert article.status.startswith("error: no text (looked for text, maintext")
    assert article.status.endswith("the record has: id, html, pubDate")


def test_other_field_names_are_mapped_with_an_option(tmp_path, nlp):
    record = {"guid": "a1", "story": STORY, "pubDate": "Tue, 26 Jul 2022 09:00:00 +0000"}
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "feed.jsonl").write_text(json.dumps(record) + "\n")
    result = CliRunner().invoke(
        app,
        [
            "run",
            str(tmp_path / "in"),
            "--out",
            str(tmp_path / "out"),
            "-q",
            "--field",
            "text=story",
        ],
    )
    assert result.exit_code == 0, result.output
    docs = pd.read_parquet(tmp_path / "out" / "documents.parquet")
    assert docs.doc_id.tolist() == ["a1"] and docs.published.tolist() == ["2022-07-26"]
    bad = CliRunner().invoke(app, ["run", str(tmp_path / "in"), "--field", "words=body"])
    assert bad.exit_code == 2 and "unknown role" in bad.output


@pytest.mark.parametrize(
    ("value", "day"),
    [
        ("2023-03-14", "2023-03-14"),
        ("2023-03-14T23:30:00-05:00", "2023-03-14"),  # the article's own calendar day
        ("14 March 2023", "2023-03-14"),
        ("March 14, 2023", "2023-03-14"),
        ("Tue, 14 Mar 2023 10:00:00 +0000", "2023-03-14"),
        ("March 2023", None),  # not a full date
        ("yesterday-ish", None),
        (1678790400, None),
    ],
)
def test_metadata_dates_in_any_common_form(value, day):
    assert parse_published(value) == day


@pytest.mark.parametrize(
    ("url", "day"),
    [
        ("https://www.kaieteurnewsonline.com/2022/07/25/tigi-adds-support/", "2022-07-25"),
        ("https://thepeninsulaqatar.com/article/15/07/2022/jeddah-security", "2022-07-15"),
        ("https://www.haaretz.com/israel-news/2022-07-26/ty-article/x", "2022-07-26"),
        ("https://www.ipsnews.net/2022/04/africa-commits", None),  # month only
        ("https://www.asahi.com/ajw/articles/14667745", None),
    ],
)
def test_the_date_in_a_url(url, day):
    assert url_date(url) == day


def test_metadata_beats_url_beats_dateline():
    text = "CAIRO – 20 July 2022: Talks."
    url = "https://x.com/2022/07/21/a"
    assert (
        article_from_record({"text": text, "date": "22 July 2022", "url": url}, "s", "f").published
        == "2022-07-22"
    )
    assert article_from_record({"text": text, "url": url}, "s", "f").published == "2022-07-21"
    assert article_from_record({"text": text}, "s", "f").published == "2022-07-20"


# ------------------------------------------------------------ datelines


@pytest.mark.parametrize(
    ("line", "place", "country", "agency", "published", "partial"),
    [
        (
            "BEIJING, Nov. 8 , 2005 (Xinhua) -- Talks",
            "BEIJING",
            "CHN",
            "Xinhua",
            "2005-11-08",
            None,
        ),
        ("CAIRO – 26 July 2022: Minister", "CAIRO", "EGY", None, "2022-07-26", None),
        ("TEHRAN – Turkey plans", "TEHRAN", "IRN", None, None, None),
        ("AMMAN — His Majesty", "AMMAN", "JOR", None, None, None),
        ("Doha: The emir", "Doha", "QAT", None, None, None),
        ("Beirut: The", "Beirut", "LBN", None, None, None),
        ("Ulaanbaatar /MONTSAME/. President", "Ulaanbaatar", "MNG", "MONTSAME", None, None),
        ("KIGALI, Apr 12 2022 (IPS) - Climate", "KIGALI", "RWA", "IPS", "2022-04-12", None),
        ("HIROSHIMA--The mayor", "HIROSHIMA", "JPN", None, None, None),
        ("SEOUL—Foreign Minister", "SEOUL", "KOR", None, None, None),
        ("YANGON, July 25 (Reuters): The", "YANGON", "MMR", "Reuters", None, "XXXX-07-25"),
        ("KUWAIT CITY, July 25: The", "KUWAIT CITY", "KWT", None, None, "XXXX-07-25"),
        ("afrol News, 25 March - It is", None, None, "afrol News", None, "XXXX-03-25"),
        ("Udhampur- Army", "Udhampur", "IND", None, None, None),
        ("Hanoi (VNA) – Deputy", "Hanoi", "VNM", "VNA", None, None),
        ("LAGOS, Nov. 8 , 2005 (Xinhua) -- Nigerian", "LAGOS", "NGA", "Xinhua", "2005-11-08", None),
    ],
)
def test_dateline_forms(line, place, country, agency, published, partial):
    found = parse_dateline(line)
    assert found is not None
    assert (found.place, found.country, found.agency) == (place, country, agency)
    assert (found.published, found.partial) == (published, partial)


@pytest.mark.parametrize(
    "line",
    ["On July 25, the minister said", "President Xi: we will", "ALBAWABA -  Algerian minister"],
)
def test_not_datelines(line):
    assert parse_dateline(line) is None


def test_a_bare_place_counts_only_at_the_top_of_an_article(tmp_path):
    text = "First paragraph of the story.\n\nSecond paragraph.\n\nBeirut: a later paragraph."
    (article,) = read_articles([_write(tmp_path, "a.txt", text)])
    assert article.dateline is None


def _write(folder, name, text):
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_partial_dateline_gives_no_published_and_anchors_today_with_x(analyse, tmp_path):
    (article,) = read_articles([_write(tmp_path, "k.txt", "KUWAIT CITY, July 25: Talks today.")])
    assert article.published is None and article.partial == "XXXX-07-25"
    from extractor.pipeline import cached_nlp
    from extractor.run import make_doc

    nlp = cached_nlp()
    doc = nlp(make_doc(nlp, article))
    assert [(d["text"], d["value"]) for d in doc._.dates] == [("today", "XXXX-07-25")]


# ------------------------------------------------------------ outlets and home country


@pytest.mark.parametrize(
    ("url", "outlet", "country"),
    [
        ("https://www.egypttoday.com/Article/1", "egypttoday.com", "EGY"),
        ("https://english.lematinal.media/x", "english.lematinal.media", "MUS"),
        ("https://www.somepaper.com.au/news/1", "somepaper.com.au", "AUS"),
        ("https://news.example.co.za/a", "news.example.co.za", "ZAF"),
        ("https://www.example.com/a", "example.com", None),
    ],
)
def test_outlet_and_its_country_from_the_url(url, outlet, country):
    assert outlet_of(host_of(url)) == (outlet, country)


def test_officials_of_a_countrys_own_press_take_its_country(nlp):
    from extractor import extract

    tables = extract(
        [
            {
                "id": "eg",
                "text": "Minister of Communication and Information Technology Amr Talat "
                "said on Tuesday that the ministry targets new jobs.",
                "url": "https://www.egypttoday.com/Article/3/117903/x",
            }
        ]
    )
    officials = tables["officials"].set_index("name")
    assert officials.loc["Amr Talat", "country"] == "EGY"
    documents = tables["documents"]
    assert documents.outlet_country.tolist() == ["EGY"]


def test_xinhua_story_datelined_abroad_is_told_from_the_dateline(analyse):
    doc = analyse(
        "Nigeria leader visits\n\nLAGOS, Nov. 8 , 2005 (Xinhua) -- President Olusegun Obasanjo "
        "said on Tuesday that talks would go on."
    )
    assert doc._.home_country == "NGA"
    assert {o["name"]: o["country"] for o in doc._.officials} == {"Olusegun Obasanjo": "NGA"}


# ------------------------------------------------------------ the Python API


def test_api_takes_records_and_dataframes(nlp):
    from extractor import extract

    frame = pd.DataFrame(
        [{"id": "x", "text": "President Hu Jintao spoke on Monday.", "published": "2005-11-08"}]
    )
    tables = extract(frame)
    assert tables["documents"].doc_id.tolist() == ["x"]
    assert tables["dates"][["text", "value"]].values.tolist() == [["Monday", "2005-11-07"]]
    one = extract({"id": "r", "text": "Foreign Minister Li Zhaoxing spoke."})
    assert one["documents"].doc_id.tolist() == ["r"]  # a dict is a record, not its keys


def test_api_string_naming_a_missing_file_is_an_error(nlp):
    from extractor import extract
    from extractor.errors import InputError

    with pytest.raises(InputError, match="no such file"):
        extract("seeds/no_such_story.txt")


def test_a_national_outlets_officials_abroad_keep_its_country(nlp):
    """Kuwait Times "PARIS: Minister of Education ...": the outlet's country, not the dateline's;
    wire copy ("(Xinhua) --") keeps the dateline's."""
    from extractor import extract

    tables = extract(
        [
            {
                "id": "kw",
                "text": "PARIS: Minister of Education Ali Al-Mudhaf stated Wednesday that "
                "cooperation would grow.",
                "url": "https://www.kuwaittimes.com/a",
            },
            {
                "id": "xin",
                "text": "LAGOS, July 25 (Xinhua) -- Minister of Information Lai Mohammed said on "
                "Monday that talks would go on.",
                "url": "https://english.news.cn/a",
            },
        ]
    )
    officials = tables["officials"].set_index("name")
    assert officials.loc["Ali Al-Mudhaf", ["country", "country_source"]].tolist() == [
        "KWT",
        "outlet",
    ]
    assert officials.loc["Lai Mohammed", ["country", "country_source"]].tolist() == [
        "NGA",
        "dateline",
    ]


def test_country_source_says_where_each_country_came_from(analyse):
    doc = analyse(
        "HANOI, June 17, 2020 (VNA) -- Russian Foreign Minister Sergey Lavrov met Deputy Prime "
        "Minister Pham Binh Minh and President Recep Tayyip Erdogan."
    )
    sources = {o["name"]: (o["country"], o["country_source"]) for o in doc._.officials}
    assert sources["Sergey Lavrov"] == ("RUS", "title")
    assert sources["Recep Tayyip Erdogan"] == ("TUR", "dictionary")
    assert sources["Pham Binh Minh"] == ("VNM", "dateline")
