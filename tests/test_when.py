import pytest

from communique import code_text

THU = "2025-08-28"  # a Thursday


def only(text, date=THU):
    (e,) = code_text(text, date=date)
    return e


@pytest.mark.parametrize(("when", "date", "precision"), [
    ("on Tuesday", "2025-08-26", "day"),
    ("on Thursday", "2025-08-28", "day"),  # the story's own day, not a week before
    ("yesterday", "2025-08-27", "day"),
    ("on August 3", "2025-08-03", "day"),
    ("in April", "2025-04-01", "month"),
    ("earlier this month", "2025-08-01", "month"),
    ("last week", "2025-08-18", "week"),  # a week's date is its first day
])
def test_the_clause_date_resolved_against_the_publication_date(when, date, precision):
    e = only(f"Ghana and Togo signed a border security pact {when}.")
    assert (e.date, e.date_precision, e.date_source) == (date, precision, "clause")
    assert e.date_text == when.removeprefix("on ").removeprefix("in ")


def test_month_precision_in_the_plover_record():
    rec = only("Pakistani Prime Minister Shehbaz Sharif visited Belarus in April.").to_plover()
    assert (rec["date"], rec["date_precision"], rec["date_text"]) == ("2025-04-01", "month", "April")


def test_week_precision_of_last_week():
    e = only("Thailand and Cambodia held border talks last week.")
    assert (e.event_type, e.date, e.date_precision) == ("CONSULT", "2025-08-18", "week")


def test_present_tense_headline_merges_with_the_dated_lead():
    text = ("Colombia extradites drug lord to United States\n\n"
            "BOGOTA: Colombia extradited a drug trafficker to the United States on Wednesday, officials said.\n")
    e = only(text)
    assert (e.date, e.date_source, e.date_text) == ("2025-08-27", "clause", "Wednesday")
    assert [m.sequence for m in e.mentions] == [0, 1]


def test_undated_act_takes_the_publication_date():
    e = only("Ghana and Togo signed a border security pact.")
    assert (e.date, e.date_precision, e.date_source, e.date_text) == (THU, "day", "publication", None)


def test_date_on_the_reporting_verb_dates_the_act_from_the_sentence():
    e = only("On Monday, officials said Sudan had expelled the Kenyan ambassador.")
    assert (e.date, e.date_source) == ("2025-08-25", "sentence")


def test_date_set_earlier_in_the_paragraph_carries_over():
    text = ("Ghana and Togo signed a border security pact on Wednesday. "
            "Ghanaian President John Mahama later met Togolese officials.")
    meeting = next(e for e in code_text(text, date=THU) if e.event_type == "CONSULT")
    assert (meeting.date, meeting.date_source) == ("2025-08-27", "context")


def test_date_source_is_one_the_readme_names():
    text = ("Ghana and Togo signed a border security pact on Wednesday. Ghanaian President John Mahama later met "
            "Togolese officials.\n\nOn Monday, officials said Sudan had expelled the Kenyan ambassador.\n\n"
            "Egypt and Sudan signed a water deal.")
    found = code_text(text, date=THU)
    assert {e.date_source for e in found} == {"clause", "context", "sentence", "publication"}


def test_old_background_is_historical():
    e = only("Egypt and Sudan signed a water deal in 2019.")
    assert (e.date, e.date_precision) == ("2019-01-01", "year") and "historical" in e.context


def test_recent_act_is_not_historical():
    assert "historical" not in only("Ghana and Togo signed a border security pact on Tuesday.").context



def test_days_earlier_count_back_from_the_lead_not_from_publication():
    text = ("ANKARA: Turkish police detained the mayor on Wednesday. "
            "Two days earlier, Turkey expelled a Greek diplomat.")
    dates = {e.event_type: e.date for e in code_text(text, date="2025-03-20")}
    assert dates == {"COERCE": "2025-03-19", "SANCTION": "2025-03-17"}


def test_an_act_a_day_before_the_lead_is_counted_back_from_the_lead():
    text = ("Thailand on Wednesday extradited to China a man accused of running scam compounds. "
            "The handover came a day after Thai police chief Kittharath Punpetch hosted Chinese "
            "Assistant Minister of Public Security Liu Zhongyi in Bangkok.")
    by_type = {e.event_type: e for e in code_text(text, date=THU)}
    assert by_type["COOPERATE"].date == "2025-08-27"
    assert by_type["CONSULT"].date == "2025-08-26"


def test_a_reporting_verb_hung_below_the_act_dates_it():
    e = only("Sheikh Mohamed bin Zayed of the UAE has pardoned 57 Bangladeshi nationals, the state news "
             "agency WAM reported on Tuesday.")
    assert (e.date, e.date_source) == ("2025-08-26", "sentence")


def test_an_undated_agreement_takes_the_day_it_was_announced():
    text = ("Brazil and Paraguay have agreed on a new electricity tariff for the Itaipu dam. "
            "Paraguayan President Santiago Pena announced the deal on Tuesday.")
    agree = next(e for e in code_text(text, date=THU) if e.event_type == "AGREE")
    assert agree.date == "2025-08-26"


@pytest.mark.parametrize("text", [
    "Ghana and Togo have agreed to share intelligence, Togo's minister said on his return from Accra on Tuesday.",
    "Venezuela lashed out at Guyana over its oil blocks, claiming in a statement on Tuesday that they encroach.",
])
def test_a_date_on_the_report_around_an_undated_act_dates_it(text):
    e = next(e for e in code_text(text, date=THU) if e.event_type in {"AGREE", "ACCUSE"})
    assert e.date == "2025-08-26"


def test_the_year_of_a_named_agreement_is_no_date_of_the_verb_above_it():
    from communique import nlp, when
    doc = nlp.load()("Trump pulled the United States out of the 2015 nuclear agreement with Iran.")
    (year,) = [e for e in doc.ents if e.label_ == "DATE"]
    assert when._verb_of(year) is None


def test_a_when_clause_after_a_date_is_dated_by_it_and_so_are_its_participles():
    text = ("Relations between the two countries have been strained since last summer, when French President "
            "Emmanuel Macron backed Morocco's autonomy plan, prompting Algiers to withdraw its ambassador.")
    dated = {e.event_type: (e.date, e.date_precision) for e in code_text(text, date="2025-03-18")}
    assert dated == {"SUPPORT": ("2024-06-01", "month"), "SANCTION": ("2024-06-01", "month")}


def test_a_date_between_the_reporting_verb_and_its_content_dates_the_announcement():
    e = only("Kenyan President William Ruto said on Tuesday he would meet Ugandan President Yoweri Museveni in "
             "Kampala next month.")
    assert e.event_type == "AGREE" and "future" in e.context
    assert (e.date, e.date_text) == ("2025-08-26", "Tuesday")


def test_a_later_passive_dates_the_act_it_names():
    text = ("Kenya and Uganda have agreed to build a joint border post at Busia. The decision was taken on Tuesday "
            "during talks between their trade ministers.")
    e = next(e for e in code_text(text, date=THU) if e.event_type == "AGREE")
    assert e.date == "2025-08-26"


def test_an_act_in_the_days_after_a_dated_one_takes_its_month():
    e = only("Qatar flew tents and medicine to Afghanistan in the days after the earthquake struck on June 3.")
    assert (e.event_type, e.date, e.date_precision) == ("AID", "2025-06-01", "month")


def test_a_gap_counted_in_words_dates_the_earlier_act():
    text = ("Kenya expelled a Ugandan diplomat on Tuesday. The move came nine days after Uganda expelled a "
            "Kenyan envoy.")
    dates = sorted(e.date for e in code_text(text, date=THU) if e.event_type == "SANCTION")
    assert dates == ["2025-08-17", "2025-08-26"]


def test_a_start_days_ago_dates_an_ongoing_act_and_a_distant_start_does_not():
    recent = [e for e in code_text("Police in Lima said they had arrested 40 pensioners since Saturday.", date=THU)
              if e.event_type == "COERCE"]
    assert [(e.date, e.date_precision) for e in recent] == [("2025-08-23", "day")]
    distant = [e for e in code_text("The European Union has sanctioned Russia since February 2022.", date=THU)
               if e.event_type == "SANCTION"]
    assert distant and all(e.date != "2022-02-01" for e in distant)


@pytest.mark.parametrize(("text", "date"), [
    ("Mali pulled out of the 2015 peace agreement with Algeria in June.", "2025-06-01"),
    ("Ethiopia accused Eritrea of violating the 2018 peace deal.", THU),
])
def test_a_year_that_names_a_thing_does_not_date_the_act(text, date):
    assert only(text).date == date
