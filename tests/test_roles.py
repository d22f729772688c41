"""Clause roles, recipients and places in constructions that once went wrong (events/roles.py,
where.py): each case is a general construction, written as a short wire sentence."""

import pytest

from communique import code_text


def only(text, date="2025-06-11"):
    (event,) = code_text(text, date=date)
    return event


def codes(entities):
    return sorted(e.code for e in entities)


def test_place_after_the_object_is_the_location():
    e = only("Kenyan President William Ruto met Ethiopian Prime Minister Abiy Ahmed in Nairobi on Tuesday.")
    assert e.location is not None and e.location.resolved_place == "Nairobi"


def test_place_after_the_date_is_the_location():
    text = ("Chinese President Xi Jinping met Russian President Vladimir Putin in Beijing on Monday. "
            "Xi and Putin held talks on Tuesday in Tianjin with Indian Prime Minister Narendra Modi.")
    tuesday = [e for e in code_text(text, date="2025-08-28") if e.date == "2025-08-26"]
    assert tuesday and all(e.location is not None and e.location.resolved_place == "Tianjin" for e in tuesday)


def test_signed_with_is_reciprocal():
    e = only("Ghana signed a security pact with Togo on Tuesday.")
    assert e.event_type == "SUPPORT" and codes(e.actor) == ["GHA", "TGO"] and e.recipient == ()


def test_passive_agent_is_the_actor_and_the_patient_the_recipient():
    e = only("Pakistani soldiers were attacked by Taliban fighters near the border.")
    assert "PAK" in codes(e.recipient) and "PAK" not in codes(e.actor)


def test_a_named_armed_group_acts_as_itself():
    e = only("The Somali army base was attacked by al-Shabaab fighters on Wednesday.")
    assert [(a.code, a.sector) for a in e.actor] == [("SOM", "REB")]


def test_an_attacked_capital_is_its_country():
    assert codes(only("Kyiv was attacked by Russian drones on Tuesday.").recipient) == ["UKR"]


def test_to_phrase_parsed_as_dative_gives_the_recipient():
    e = only("Japan sent aid to Vietnam on Tuesday.", "2025-08-28")
    assert (e.event_type, codes(e.actor), codes(e.recipient)) == ("AID", ["JPN"], ["VNM"])


def test_a_quantity_of_aid_is_aid():
    e = only("Turkey sent 20 tonnes of aid to Syria on Tuesday.", "2025-08-28")
    assert (e.event_type, codes(e.actor), codes(e.recipient)) == ("AID", ["TUR"], ["SYR"])


def test_future_aid_with_a_future_date_is_agree():
    e = only("Japan will send aid to the Philippines next week.")
    assert e.event_type == "AGREE" and "future" in e.context


def test_by_phone_is_the_phone_mode():
    e = only("Indian Prime Minister Narendra Modi spoke by phone with Russian President Vladimir Putin on Monday.",
             "2025-08-28")
    assert e.event_type == "CONSULT" and "phone" in e.mode


def test_targets_in_a_country_make_it_the_recipient():
    assert codes(only("Israeli aircraft bombed targets in Lebanon on Tuesday.", "2025-08-28").recipient) == ["LBN"]


def test_expelled_diplomats_are_a_diplomatic_matter():
    assert "diplomatic" in only("Poland expelled two Russian diplomats on Tuesday.").context


def test_talks_take_the_date_of_the_verb_they_govern():
    found = [e for e in code_text("Talks between Egypt and Ethiopia ended without an agreement on Monday.",
                                  date="2025-08-28") if e.event_type == "CONSULT"]
    assert [e.date for e in found] == ["2025-08-25"]


def test_police_arrest_is_coerce_by_the_police_country():
    e = only("Pakistani police arrested five men in Hyderabad on Monday.")
    assert e.event_type == "COERCE" and codes(e.actor) == ["PAK"]
    assert e.location is not None and e.location.country_code == "PAK"


def test_a_with_phrase_that_names_no_party_is_not_a_counterpart():
    e = only("The US Congress agreed on Tuesday to lift its embargo on medicine sales to Iran, with strings attached.")
    assert codes(e.actor) == ["USA"] and codes(e.recipient) == ["IRN"]


def test_a_failure_to_code_raises_instead_of_looking_like_no_events(monkeypatch):
    import pytest

    from communique import pipeline

    def broken(doc, article):
        raise ValueError("boom")

    monkeypatch.setattr(pipeline, "code_doc", broken)
    with pytest.raises(pipeline.CodingError, match="boom"):
        code_text("Kenya and Ethiopia agreed to reopen the border.", date="2025-06-11")


def test_troops_arriving_are_deployed_not_visiting():
    e = only("Bangladeshi peacekeeping troops arrived in Sierra Leone on Tuesday.")
    assert (e.event_type, codes(e.actor), codes(e.recipient)) == ("MOBILIZE", ["BGD"], ["SLE"])
    assert only("Kenyan President William Ruto arrived in Addis Ababa on Tuesday.").event_type == "CONSULT"


def test_the_subject_of_an_adjective_complement_is_the_copulas():
    from communique import code_text

    text = "Kenyan Foreign Minister Musalia Mudavadi is due to meet EU foreign ministers in Brussels next week."
    (e,) = code_text(text, date="2025-02-18")
    assert (e.event_type, [a.code for a in e.actor], [r.code for r in e.recipient]) == ("AGREE", ["KEN"], ["EUR"])
    assert not code_text("More than 70 people remain jailed in Nicaragua.", date="2025-02-18")


def test_a_past_verb_after_a_denied_progressive_is_the_speakers_own_act():
    text = ("On Monday, Rwanda's foreign minister denied that Kigali was sending troops across the border and "
            "accused Kinshasa of arming rebel groups.")
    (e,) = [e for e in code_text(text, date="2025-06-11") if e.event_type == "ACCUSE"]
    assert e.is_event and codes(e.actor) == ["RWA"] and codes(e.recipient) == ["COD"]


@pytest.mark.parametrize("text, event_type", [
    ("Kenya expressed support for Somalia's bid on Tuesday.", "SUPPORT"),
    ("Kenya voiced concern over Somalia's decision on Tuesday.", "ACCUSE"),
])
def test_what_is_supported_or_deplored_belongs_to_the_recipient(text, event_type):
    e = only(text)
    assert (e.event_type, codes(e.actor), codes(e.recipient)) == (event_type, ["KEN"], ["SOM"])


def test_what_he_called_names_the_thing_praised_or_condemned():
    (e,) = code_text("Spanish Interior Minister Fernando Grande-Marlaska praised what he called exemplary "
                     "cooperation with Rabat.", date="2025-08-28")
    assert (e.event_type, [a.code for a in e.actor], [r.code for r in e.recipient]) == ("SUPPORT", ["ESP"], ["MAR"])
    (e,) = code_text("Kenya condemned what it called an unprovoked attack by Somali troops.", date="2025-08-28")
    assert (e.event_type, [r.code for r in e.recipient]) == ("ACCUSE", ["SOM"])


def test_a_joint_operation_hung_on_a_participle_below_is_the_main_clause_subjects():
    e = only("Kenyan and Ugandan police broke up a gang accused of smuggling weapons across the border in a joint "
             "operation on Tuesday.")
    assert (e.event_type, sorted(a.code for a in e.actor), e.recipient) == ("COOPERATE", ["KEN", "UGA"], ())


def test_a_finite_verb_after_a_reported_progressive_in_a_content_clause_is_the_speakers():
    text = ('Kenyan Foreign Minister Musalia Mudavadi said in a statement that Khartoum was "openly arming" '
            'the rebels and called on the African Union to act.')
    e = only(text, date="2025-08-28")
    assert (e.event_type, codes(e.actor), codes(e.recipient)) == ("REQUEST", ["KEN"], ["IGO"])
