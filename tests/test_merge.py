from communique import code_text

ONE_MEETING = (
    "Kenya, Ethiopia leaders hold talks in Nairobi\n\n"
    "Kenyan President William Ruto meets Ethiopian Prime Minister Abiy Ahmed in Nairobi on June 11, 2025. "
    "(Photo: AFP)\n\n"
    "NAIROBI: Kenyan President William Ruto met Ethiopian Prime Minister Abiy Ahmed on Wednesday to discuss "
    "border security, officials said.\n\n"
    "\"President Ruto met Prime Minister Abiy and they discussed trade and security,\" government spokesman "
    "Isaac Mwaura said.\n"
)


def meetings(events, actor_name):
    return [e for e in events if e.event_type == "CONSULT" and any(a.identifier_text == actor_name for a in e.actor)]


def test_caption_lead_and_quote_of_one_meeting_are_one_event():
    (e,) = meetings(code_text(ONE_MEETING, date="2025-06-11"), "William Ruto")
    assert [r.identifier_text for r in e.recipient] == ["Abiy Ahmed"]
    assert len(e.mentions) == 3 and len({m.sequence for m in e.mentions}) == 3
    assert [m.in_caption for m in e.mentions] == [True, False, False]
    assert (e.date, e.location.resolved_place) == ("2025-06-11", "Nairobi")


def test_merged_event_keeps_every_evidence_span():
    (e,) = meetings(code_text(ONE_MEETING, date="2025-06-11"), "William Ruto")
    rec = e.to_plover()
    assert isinstance(rec["text_info"], list) and len(rec["text_info"]) == 3
    assert [t["start"] for t in rec["text_info"]] == sorted(t["start"] for t in rec["text_info"])
    assert len(rec["evidence"]) == 3 and rec["event_text"] == ["meets", "met"]


def test_meetings_with_different_named_people_stay_apart():
    text = ("Ethiopian Prime Minister Abiy Ahmed arrived in Nairobi on Tuesday. On Wednesday, Abiy met Kenyan "
            "President William Ruto and later met Kenyan Foreign Minister Musalia Mudavadi.")
    met = [e for e in meetings(code_text(text, date="2025-06-11"), "Abiy Ahmed") if "visit" not in e.mode]
    assert sorted(r.identifier_text for e in met for r in e.recipient) == ["Musalia Mudavadi", "William Ruto"]
    assert len(met) == 2


def test_one_visit_with_two_hosts_met_gives_two_meetings():
    text = ("Belarusian Minister of Internal Affairs Ivan Kubrakov visited Islamabad on Wednesday, where he met "
            "Interior Minister Mohsin Naqvi and Prime Minister Shehbaz Sharif.")
    met = meetings(code_text(text, date="2025-06-11"), "Ivan Kubrakov")
    hosts = sorted(r.identifier_text for e in met for r in e.recipient)
    assert hosts == ["Mohsin Naqvi", "Shehbaz Sharif"]


def test_same_parties_on_different_days_are_two_meetings():
    text = ("Kenyan President William Ruto met Ethiopian Prime Minister Abiy Ahmed on Tuesday. "
            "Ruto met Abiy again on Wednesday.")
    met = meetings(code_text(text, date="2025-06-11"), "William Ruto")
    assert sorted(e.date for e in met) == ["2025-06-10", "2025-06-11"]


def test_negated_and_affirmed_acts_are_not_merged():
    text = "Pakistan and India did not sign a trade pact in April. On Tuesday, Pakistan and India signed a trade pact."
    found = [e for e in code_text(text, date="2025-06-11") if e.event_type == "SUPPORT"]
    assert sorted(e.is_event for e in found) == [False, True]
    (signed,) = [e for e in found if e.is_event]
    assert signed.date == "2025-06-10"


def test_two_instruments_signed_the_same_day_are_two_acts():
    text = ("Kenya and Uganda signed an extradition treaty on Tuesday. "
            "Kenya and Uganda also signed a trade pact on Tuesday.")
    found = [e for e in code_text(text, date="2025-06-11") if e.event_type == "SUPPORT"]
    assert len(found) == 2 and {e.date for e in found} == {"2025-06-10"}


def test_a_headline_retelling_the_lead_with_another_counterpart_is_one_event():
    text = ("Sudan reopens Adre crossing from Chad to let aid into Darfur\n\n"
            "Sudan's army-led government reopened the Adre border crossing with Chad on Thursday, allowing "
            "United Nations agencies to truck food into the Darfur region.")
    (e,) = code_text(text, date="2024-08-16")
    assert [m.sequence for m in e.mentions] == [0, 1] and [r.code for r in e.recipient] == ["UNO"]


def test_a_headline_does_not_join_two_acts_the_text_dates_apart():
    text = ("Gunmen kill villagers in Nigeria's Plateau state\n\n"
            "Police said armed men attacked a village in Nigeria's Plateau state on Friday, killing 12 people.\n\n"
            "On Monday, gunmen attacked a market in the neighbouring Kaduna state.")
    attacks = [e for e in code_text(text, date="2025-11-22") if e.event_type == "ASSAULT"]
    assert sorted(e.date for e in attacks) == ["2025-11-17", "2025-11-21"]


def test_an_act_and_its_purpose_infinitive_of_the_same_kind_are_one_event():
    text = "Hundreds of Kenyan farmers rallied outside the Ugandan embassy in Nairobi on Tuesday to protest " \
           "against new import duties."
    protests = [e for e in code_text(text, date="2025-03-06") if e.event_type == "PROTEST"]
    assert len(protests) == 1
    assert [r.code for r in protests[0].recipient] == ["UGA"] and len(protests[0].mentions) == 2
