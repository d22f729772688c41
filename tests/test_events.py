import re

import pytest

from communique import code_text
from conftest import SEED

THU = "2025-08-28"


def codes(entities):
    return sorted(e.code for e in entities)


def events(text, date=THU):
    return code_text(text, date=date)


def parties(text, event_type, date=THU):
    """(actor codes, recipient codes) of the first event of a type."""
    e = next(e for e in events(text, date) if e.event_type == event_type)
    return codes(e.actor), codes(e.recipient)


def only(text, date=THU):
    (e,) = events(text, date)
    return e


@pytest.mark.parametrize("text", [
    "Ghana and Togo agreed on Monday to share intelligence on border security.",
    "Kenya agreed with Uganda on Monday to scrap fees at the Busia border post.",
])
def test_reciprocal_agreement_lists_both_sides_as_actor(text):
    e = only(text)
    assert e.event_type == "AGREE" and len(e.actor) == 2 and e.recipient == ()
    assert e.is_event and e.date == "2025-08-25"


def test_reciprocal_signing_is_support_with_both_as_actor():
    e = only("Armenia and Azerbaijan signed a peace accord on Tuesday.")
    assert (e.event_type, codes(e.actor), e.recipient) == ("SUPPORT", ["ARM", "AZE"], ())


def test_visit_visitor_is_actor_and_host_recipient():
    e = only("Indian Prime Minister Narendra Modi visited Japan on Friday.")
    assert (e.event_type, e.mode) == ("CONSULT", ("visit",))
    assert [(a.code, a.identifier_text) for a in e.actor] == [("IND", "Narendra Modi")]
    assert [(r.code, r.sector) for r in e.recipient] == [("JPN", "GOV")]
    assert e.to_plover()["cameo"] == "04" and e.to_plover()["quad_code"] == 1


def test_arrival_in_a_capital_is_a_visit_to_its_country():
    e = only("Turkish President Recep Tayyip Erdogan arrived in Baghdad on Tuesday for talks with Iraqi leaders.")
    assert (e.event_type, e.mode, codes(e.actor), codes(e.recipient)) == ("CONSULT", ("visit",), ["TUR"], ["IRQ"])


def test_meeting_of_two_named_leaders():
    e = only("Chinese President Xi Jinping met Russian President Vladimir Putin in Beijing on Monday.")
    assert e.event_type == "CONSULT" and "visit" not in e.mode
    assert [a.identifier_text for a in e.actor] == ["Xi Jinping"]
    assert [r.identifier_text for r in e.recipient] == ["Vladimir Putin"]


@pytest.mark.parametrize(("text", "pair"), [
    ("Kenyan and Ethiopian officials met in Nairobi on Tuesday.", ["ETH", "KEN"]),
    ("Thai and Cambodian officials met in Bangkok last week.", ["KHM", "THA"]),
])
def test_officials_of_two_nations_meeting_is_reciprocal(text, pair):
    e = only(text)
    assert (e.event_type, codes(e.actor), e.recipient) == ("CONSULT", pair, ())
    assert {a.sector for a in e.actor} == {"GOV"}


@pytest.mark.parametrize(("text", "etype"), [
    ("Ethiopia did not sign the agreement with Egypt.", "SUPPORT"),
    ("Egypt and Ethiopia failed to reach an agreement on the dam.", "AGREE"),
    ("Ethiopian Prime Minister Abiy Ahmed did not meet Egyptian officials during his trip.", "CONSULT"),
    ("Iran denied supplying drones to Russia.", "AID"),
])
def test_negated_acts_are_kept_marked_and_are_not_events(text, etype):
    found = events(text)
    assert [e.event_type for e in found] == [etype]
    assert all("negation" in e.context and not e.is_event for e in found)


def test_talks_that_ended_without_an_agreement_give_no_agreement():
    found = events("Talks between Egypt and Ethiopia ended without an agreement on Monday.")
    assert not [e for e in found if e.event_type == "AGREE" and e.is_event]


def test_negated_record_keeps_negation_in_its_plover_context():
    rec = only("Ethiopia did not sign the agreement with Egypt.").to_plover()
    assert "negation" in rec["context"] and rec["event"] == ["SUPPORT"]


@pytest.mark.parametrize("text", [
    "The European Union could impose sanctions on Georgia if the government bans opposition parties.",
    "If talks fail, Ethiopia may attack Eritrea.",
])
def test_hypothetical_acts_are_marked_and_are_not_events(text):
    found = events(text)
    assert found and all("hypothetical" in e.context and not e.is_event for e in found)


@pytest.mark.parametrize("text", [
    "Brazil said on Monday it will impose tariffs on Argentina if Buenos Aires blocks the deal.",
    "Turkey will launch an offensive against Syria unless Damascus withdraws its troops, Ankara said.",
])
def test_a_conditional_will_is_no_act_done(text):
    """"Will X if Y" promises nothing unconditionally: at most a THREATEN, never the act itself as fact."""
    found = events(text)
    assert found and all(e.event_type == "THREATEN" or not e.is_event for e in found)


def test_hypothetical_sanction_keeps_its_parties():
    found = events("The European Union could impose sanctions on Georgia if the government bans opposition parties.")
    (sanction,) = [e for e in found if e.event_type == "SANCTION"]
    assert (codes(sanction.actor), codes(sanction.recipient)) == (["EUR"], ["GEO"])


@pytest.mark.parametrize(("text", "actor", "recipient"), [
    ("Egypt will send humanitarian aid to Sudan.", ["EGY"], ["SDN"]),
    ("Vietnam and Laos will hold joint military exercises next month.", ["LAO", "VNM"], []),
    ("Japanese Prime Minister Shigeru Ishiba will meet Philippine President Ferdinand Marcos next month.",
     ["JPN"], ["PHL"]),
])
def test_future_cooperation_is_agree_marked_future(text, actor, recipient):
    e = only(text)
    assert (e.event_type, codes(e.actor), codes(e.recipient)) == ("AGREE", actor, recipient)
    assert "future" in e.context and e.is_event


def test_future_withdrawal_is_concede():
    e = only("Russia will withdraw its troops from Armenia next year, the Kremlin said.")
    assert (e.event_type, codes(e.actor)) == ("CONCEDE", ["RUS"]) and "future" in e.context


@pytest.mark.parametrize(("text", "actor", "recipient"), [
    ("A Pakistani army convoy was attacked by Afghan forces on Monday.", "AFG", "PAK"),
    ("Ukraine was attacked by Russia overnight.", "RUS", "UKR"),
    ("An Indian patrol was fired on by Chinese troops on Wednesday.", "CHN", "IND"),
])
def test_passive_by_agent_is_the_actor(text, actor, recipient):
    e = only(text)
    assert (e.event_type, codes(e.actor), codes(e.recipient)) == ("ASSAULT", [actor], [recipient])


@pytest.mark.parametrize(("text", "etype", "mode", "actor", "recipient"), [
    ("Thousands of protesters marched in Belgrade on Sunday against the Serbian government.", "PROTEST", "demo",
     ["SRB"], None),
    ("The United States urged Israel to allow more aid into Gaza.", "REQUEST", None, ["USA"], ["ISR"]),
    ("Ukraine rejected Russia's proposal for a ceasefire.", "REJECT", None, ["UKR"], ["RUS"]),
    ("North Korea threatened to attack South Korea.", "THREATEN", None, ["PRK"], ["KOR"]),
    ("Egypt sent humanitarian aid to Sudan on Tuesday.", "AID", None, ["EGY"], ["SDN"]),
    ("Russia released two American prisoners on Tuesday.", "RETREAT", "release", ["RUS"], ["USA"]),
    ("Russia withdrew its troops from the Armenian border on Monday.", "RETREAT", "withdraw", ["RUS"], ["ARM"]),
    ("Colombia extradited a drug trafficker to the United States on Wednesday.", "COOPERATE", None, ["COL"],
     ["USA"]),
    ("China accused the Philippines of provoking the clash.", "ACCUSE", "allege", ["CHN"], ["PHL"]),
    ("The European Union imposed new sanctions on Iran on Monday.", "SANCTION", None, ["EUR"], ["IRN"]),
    ("India deployed troops along the border with China.", "MOBILIZE", "troops", ["IND"], None),
    ("Kenyan police arrested 20 protesters in Nairobi on Monday.", "COERCE", "arrest", ["KEN"], None),
    ("Canada praised Mexico's efforts to curb fentanyl trafficking.", "SUPPORT", None, ["CAN"], ["MEX"]),
    ("The Thai government apologised to Cambodia for the border incident.", "CONCEDE", None, ["THA"], ["KHM"]),
    ("Indian Prime Minister Narendra Modi held a phone call with Russian President Vladimir Putin on Monday.",
     "CONSULT", "phone", ["IND"], ["RUS"]),
])
def test_plover_types_and_modes(text, etype, mode, actor, recipient):
    e = only(text)
    assert (e.event_type, codes(e.actor)) == (etype, actor)
    if mode:
        assert mode in e.mode
    if recipient is not None:
        assert codes(e.recipient) == recipient
    assert e.is_event


@pytest.mark.parametrize(("text", "who"), [
    ("Russia attacked Ukraine on Tuesday, state media reported.", "state media"),
    ("Pakistan and Belarus signed an extradition treaty on Wednesday, Radio Pakistan said.", "Radio Pakistan"),
    ("Armenia and Azerbaijan signed a peace accord on Tuesday, the Armenian foreign ministry said.",
     "foreign ministry"),
])
def test_attribution_names_the_source(text, who):
    e = only(text)
    assert who in e.attribution and e.to_plover()["attribution"] == e.attribution


def test_unattributed_event_has_no_attribution():
    assert only("Poland expelled two Russian diplomats on Tuesday.").attribution is None


@pytest.mark.parametrize("text", [
    "The weather in London was sunny and warm on Tuesday.",
    "Share prices rose sharply in Tokyo on Thursday as investors cheered strong earnings.",
    "The central bank kept interest rates unchanged, citing slowing inflation.",
])
def test_text_without_political_event_gives_no_events(text):
    assert events(text) == []


def test_expelling_diplomats_is_sanction_expel():
    e = only("Poland expelled two Russian diplomats on Tuesday.")
    assert (e.event_type, e.mode, codes(e.actor), codes(e.recipient)) == ("SANCTION", ("expel",), ["POL"], ["RUS"])
    assert e.to_plover()["cameo"] == "16"


SCRAPED = """Kenya, Ethiopia agree to reopen border crossing

Kenyan President William Ruto meets Ethiopian Prime Minister Abiy Ahmed in Nairobi on June 11, 2025. (Photo: AFP)
Short Url
Share

NAIROBI: Kenya and Ethiopia agreed on Wednesday to reopen the Moyale crossing, officials said.

“We will work together on security,” Ruto said after he met Abiy at State House.
"""


def assert_offsets_true(text, found):
    assert found
    for e in found:
        assert e.mentions
        for m in e.mentions:
            assert text[m.start:m.end] == m.sentence and m.sentence.strip() == m.sentence
            assert text[m.trigger_start:m.trigger_end] == m.trigger
            assert m.start <= m.trigger_start < m.trigger_end <= m.end


def test_evidence_offsets_point_into_the_article_text():
    assert_offsets_true(SCRAPED, code_text(SCRAPED, date="2025-06-11"))


def test_evidence_offsets_of_the_seed_article(shared):
    text = (SEED / "pakistan-belarus-2025-08-27.txt").read_text(encoding="utf-8")
    assert_offsets_true(text, code_text(text))


def test_leftovers_and_dateline_are_not_evidence():
    sentences = [m.sentence for e in code_text(SCRAPED, date="2025-06-11") for m in e.mentions]
    assert any(s.startswith("Kenya and Ethiopia agreed on Wednesday") for s in sentences)
    assert not any("Short Url" in s or s.startswith(("Share", "NAIROBI")) for s in sentences)


def test_caption_mention_is_marked():
    found = code_text(SCRAPED, date="2025-06-11")
    assert any(m.in_caption and m.sentence.startswith("Kenyan President") for e in found for m in e.mentions)


def test_plover_record_has_the_spec_fields():
    rec = only("Poland expelled two Russian diplomats on Tuesday.").to_plover("2025-08-28")
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", rec["date"]) and rec["date_precision"] == "day"
    assert rec["event"] == ["SANCTION"] and rec["quad_code"] == 4 and rec["event_scale"] == -6.0
    assert [a["code"] for a in rec["actor"]] == ["POL"] and rec["recipient"][0]["code"] == "RUS"
    assert rec["event_text"] == ["expelled"] and rec["coded_date"] == "2025-08-28"
    info = rec["text_info"]
    assert (info["sequence"], info["start"]) == (0, 0)
    assert rec["cite_info"]["coder"] == "communique"


def test_ids_are_stable_for_the_same_text():
    first = [e.id for e in code_text(SCRAPED, date="2025-06-11")]
    again = [e.id for e in code_text(SCRAPED, date="2025-06-11")]
    assert first == again and len(set(first)) == len(first)


def test_the_two_after_a_pair_of_people_are_both_actors():
    text = ("Thai police chief Kittharath Punpetch hosted Chinese Assistant Minister of Public Security "
            "Liu Zhongyi in Bangkok on Tuesday, where the two agreed to set up a joint task force.")
    agree = next(e for e in events(text) if e.event_type == "AGREE")
    assert codes(agree.actor) == ["CHN", "THA"]


def test_welcoming_an_agreement_makes_its_parties_the_recipients():
    text = ("Somalia and Ethiopia agreed on Wednesday to end their dispute over sea access. "
            "Ethiopia expelled Somalia's ambassador in April. "
            "The African Union Commission welcomed the agreement on Thursday.")
    welcome = next(e for e in events(text) if e.event_type == "SUPPORT")
    assert codes(welcome.recipient) == ["ETH", "SOM"]


def test_a_spokesman_for_the_secretary_general_speaks_for_the_un():
    text = ("Ethiopia and Eritrea massed troops on their border this month. A spokesman for U.N. "
            "Secretary-General Antonio Guterres on Wednesday urged the two sides to resolve their differences.")
    req = next(e for e in events(text) if e.event_type == "REQUEST")
    assert codes(req.actor) == ["UNO"] and codes(req.recipient) == ["ERI", "ETH"]


def test_a_headline_participle_is_a_passive_not_an_act_of_its_noun():
    text = "UAE president pardons 57 Bangladeshis jailed over protests"
    (e,) = events(text)
    assert (e.event_type, codes(e.actor), codes(e.recipient)) == ("CONCEDE", ["ARE"], ["BGD"])


def test_would_keep_doing_is_a_future_commitment():
    e = only("Foreign Minister Jose Manuel Albares said on Thursday that Spain would keep welcoming "
             "Nicaraguan journalists.")
    assert e.event_type == "AGREE" and "future" in e.context


def test_a_purpose_infinitive_inherits_the_subject():
    text = "French President Emmanuel Macron called Bassirou Diomaye Faye of Senegal on Tuesday to congratulate him."
    assert {e.event_type for e in events(text)} >= {"CONSULT", "SUPPORT"}


def test_mediated_talks_pair_the_parties_and_each_with_the_host():
    text = ("Somalia and Ethiopia agreed late on Wednesday to set aside their dispute, after hours of "
            "talks in Ankara brokered by Turkish President Tayyip Erdogan.")
    talks = [e for e in events(text) if e.event_type == "CONSULT"]
    pairs = {(tuple(codes(e.actor)), tuple(codes(e.recipient))) for e in talks}
    assert pairs == {(("ETH", "SOM"), ("TUR",)), (("ETH", "SOM"), ())}


def test_talks_between_two_long_titles_have_both_parties():
    text = ("The agreement was reached in Tehran on Wednesday during talks between Russian Deputy Prime "
            "Minister Alexei Overchuk and Iran's Minister of Roads and Urban Development Farzaneh Sadegh.")
    talks = next(e for e in events(text) if e.event_type == "CONSULT")
    assert codes(talks.actor) == ["IRN", "RUS"]


def test_agreeing_to_withdraw_from_a_country_has_that_country_as_counterpart():
    e = only("The United States agreed in May to withdraw its troops from Niger.")
    assert (e.event_type, codes(e.actor), codes(e.recipient)) == ("AGREE", ["USA"], ["NER"])


def test_as_did_repeats_the_act_for_its_subject():
    text = ("Sudan reopened the Adre crossing on Thursday. The U.N. humanitarian coordinator for Sudan, "
            "Clementine Nkweta-Salami, welcomed the move on Thursday, as did U.S. special envoy Tom Perriello.")
    welcomes = [e for e in events(text) if e.event_type == "SUPPORT"]
    assert sorted(codes(e.actor)[0] for e in welcomes) == ["UNO", "USA"]


def test_a_concession_is_for_whoever_it_allows_in():
    e = only("Sudan reopened the Adre border crossing with Chad on Thursday, allowing United Nations "
             "agencies to truck food into Darfur.")
    assert (e.event_type, codes(e.recipient)) == ("RETREAT", ["UNO"])


def test_responding_by_doing_inherits_the_subject_and_ties_imply_the_other_side():
    text = ("Thailand and Cambodia traded fire along their border on Thursday. "
            "Cambodia responded on Thursday by downgrading diplomatic relations to the lowest level.")
    assert parties(text, "SANCTION") == (["KHM"], ["THA"])


def test_accused_of_doing_is_not_the_accusers_act():
    text = "Human Rights Watch on Tuesday accused Ethiopian soldiers of summarily executing dozens of civilians."
    assert [e.event_type for e in events(text)] == ["ACCUSE"]


@pytest.mark.parametrize(("label", "event_type"), [
    ('an "act of war"', "ACCUSE"),
    ("a step in the right direction", "SUPPORT"),
])
def test_labelling_an_act_accuses_or_endorses_whoever_did_it(label, event_type):
    text = ("India launched missile strikes on Pakistan on Wednesday. "
            f"Shehbaz Sharif of Pakistan called the strikes {label}.")
    judged = [e for e in events(text) if e.event_type == event_type]
    assert [(codes(e.actor), codes(e.recipient)) for e in judged] == [(["PAK"], ["IND"])]


def test_a_label_for_ones_own_phrase_is_no_event():
    text = "Noboa told a radio station that Ecuador needed foreign help to take on what he called narco-terrorism."
    assert not [e for e in events(text) if e.event_type == "ACCUSE"]


def test_the_possessor_of_an_arrest_is_the_one_arrested():
    text = ("Venezuelan President Nicolas Maduro on Monday ordered the deployment of the civilian militia. "
            "Earlier this month Washington doubled its reward for information leading to Maduro's arrest to "
            "$50 million, accusing him of running a drug trafficking network.")
    assert not [e for e in events(text) if e.event_type == "COERCE"]


def test_an_ngo_branch_named_after_its_country_is_the_ngo_and_accuses_as_speaker():
    text = ("At least eight people were killed across Kenya on Wednesday, Amnesty International Kenya said, "
            "accusing police officers of using live ammunition.")
    assert parties(text, "ACCUSE") == (["NGO"], ["KEN"])


def test_an_active_verb_coordinated_with_a_passive_shares_its_subject():
    text = ("The UN human rights office said on Wednesday it was alarmed by reports of deaths in Tanzania and "
            "urged Tanzanian security forces to avoid unnecessary force.")
    assert parties(text, "REQUEST") == (["UNO"], ["TZA"])


def test_ordering_broadcasters_to_stop_coverage_is_coercion():
    text = ("The Communications Authority of Kenya on Wednesday ordered Kenyan television stations to stop "
            "live coverage of the demonstrations.")
    assert "COERCE" in {e.event_type for e in events(text)}


def test_an_earlier_act_of_the_same_kind_that_took_place_keeps_the_parties():
    text = ("Russia and Ukraine exchanged 150 prisoners of war each on Monday. "
            "The largest exchange of the war took place in January, when 478 prisoners were freed.")
    swaps = sorted(e.date for e in events(text) if e.event_type == "RETREAT")
    assert swaps == ["2025-01-01", "2025-08-25"]


def test_the_head_of_a_named_command_belongs_to_its_country():
    text = "The head of U.S. Southern Command, Admiral Alvin Holsey, visited Quito last month."
    e = only(text)
    assert (e.event_type, codes(e.actor), codes(e.recipient)) == ("CONSULT", ["USA"], ["ECU"])


def test_the_seed_story_in_other_words():
    text = ("ISLAMABAD, Aug 27 (Indus Evening Wire) - Pakistan and Belarus agreed to step up cooperation against "
            "terrorism during talks in Islamabad between their interior ministers, the ministry said on Wednesday.\n\n"
            "Belarusian Minister of Internal Affairs Ivan Kubrakov, who arrived on Tuesday for a two-day visit, held "
            "talks with Interior Minister Mohsin Naqvi at the ministry.\n\n"
            "They also decided to set up a joint working group to follow up on the decisions.")
    found = {(e.event_type, tuple(codes(e.actor)), tuple(codes(e.recipient))) for e in events(text, "2025-08-27")}
    assert ("CONSULT", ("BLR", "PAK"), ()) in found  # the ministers' talks
    assert ("CONSULT", ("BLR",), ("PAK",)) in found  # the visit, hosted by the dateline's country
    assert ("AGREE", ("BLR", "PAK"), ()) in found  # "they decided": both sides, no recipient needed


def test_a_plural_speaker_is_they_not_the_storys_pair():
    text = ("The United States sanctioned Brazil's judges in July. Bolsonaro denies wrongdoing, and his lawyers "
            "said they would appeal.")
    assert not [e for e in events(text) if e.event_type == "REQUEST"]


def test_a_flag_state_is_the_target_of_a_seizure_and_a_gulf_is_no_party():
    text = ("Iran's Revolutionary Guards seized a Panama-flagged tanker in the Gulf of Oman on Tuesday, "
            "accusing it of smuggling fuel.")
    found = {(e.event_type, tuple(codes(e.recipient))) for e in events(text)}
    assert ("COERCE", ("PAN",)) in found and not any("OMN" in r for _t, r in found)


def test_a_joint_exercise_with_a_partner_has_the_subject_too():
    text = "Ships of the Indonesian navy began a joint exercise with the Royal Australian Navy on Tuesday."
    e = next(e for e in events(text) if e.event_type == "COOPERATE")
    assert codes(e.actor) == ["AUS", "IDN"]


def test_joining_a_march_is_protest():
    text = "About 120,000 Argentine students joined a university march in Buenos Aires on Wednesday."
    assert "PROTEST" in {e.event_type for e in events(text)}


def test_a_decision_to_act_is_its_owners_act():
    text = "Azerbaijan's decision to release four Armenian nationals on June 3 was a humanitarian gesture."
    e = next(e for e in events(text, "2025-06-05") if e.event_type == "RETREAT")
    assert (codes(e.actor), codes(e.recipient)) == (["AZE"], ["ARM"])


def test_an_ability_to_act_is_no_act():
    text = "China's Eastern Theater Command said the drills tested its ability to blockade key ports."
    assert "COERCE" not in {e.event_type for e in events(text)}


def test_it_in_a_relative_clause_is_the_subject_not_the_adjective_country():
    text = "Venezuela on Wednesday released 14 Colombian nationals it had detained on accusations of sabotage."
    assert parties(text, "COERCE") == (["VEN"], ["COL"])


def test_a_bare_participle_before_a_name_describes_it():
    text = "Malaysia's foreign minister did not meet detained former leader Aung San Suu Kyi of Myanmar on Tuesday."
    assert "COERCE" not in {e.event_type for e in events(text)}


def test_a_warning_is_to_whoever_the_condition_names():
    e = next(e for e in events("French Interior Minister Bruno Retailleau warned on Tuesday that Paris would "
                               "respond in a graduated way if Algiers refused.") if e.event_type == "THREATEN")
    assert (codes(e.actor), codes(e.recipient)) == (["FRA"], ["DZA"])


def test_recalling_diplomats_is_a_sanction_and_prompting_makes_the_object_act():
    text = ("France backed Morocco's plan on Monday, prompting Algeria to withdraw all but one of its "
            "diplomats from Paris.")
    assert parties(text, "SANCTION") == (["DZA"], ["FRA"])


def test_a_coordinated_act_without_counterpart_shares_the_first_acts():
    text = ("Somalia and Ethiopia agreed on Wednesday to end their dispute. The African Union Commission "
            "welcomed the agreement on Thursday and pledged to support its implementation.")
    pledge = next(e for e in events(text) if e.event_type == "AGREE" and codes(e.actor) == ["IGO"])
    assert codes(pledge.recipient) == ["ETH", "SOM"]


def test_holding_hostages_is_abduction():
    e = next(e for e in events("Baloch separatists in Pakistan took 30 hostages on a train on Tuesday.")
             if e.event_type in {"ASSAULT", "COERCE"})
    assert e.event_type == "ASSAULT"


def test_a_planned_demand_is_not_yet_an_event():
    text = "U.S. Secretary of State Marco Rubio also plans to urge Japan's foreign minister to raise defence spending."
    assert not [e for e in events(text) if e.event_type == "REQUEST" and e.is_event]


def test_a_hope_through_an_adjective_is_hypothetical():
    text = ("Somalia's president said on Tuesday he had hoped that it would be possible to settle the dispute "
            "with Kenya, but that proved impossible.")
    assert not [e for e in events(text) if e.event_type == "AGREE" and e.is_event]


def test_what_a_company_does_is_no_event():
    text = ("The arrests were made at the offices of Hong Kong Connect, a company that provides immigration "
            "services to people from Hong Kong in Japan, on Tuesday.")
    assert not [e for e in events(text) if e.event_type == "AID"]


def test_attacking_words_is_accusing_and_their_owner_is_the_target():
    assert only("President Trump also attacked The Wall Street Journal on Tuesday.").event_type == "ACCUSE"
    assert parties("Prime Minister Shehbaz Sharif attacked India's decision to suspend the treaty.",
                   "ACCUSE") == (["PAK"], ["IND"])
    assert parties("Russian forces attacked the Ukrainian city of Kharkiv on Tuesday.", "ASSAULT") == (["RUS"], ["UKR"])


def test_instruments_are_read_with_the_step_they_take():
    (e,) = [e for e in events("Pakistan and Belarus finalized an extradition agreement on Tuesday.")
            if e.instrument]
    assert (e.instrument.kind, e.instrument.status, e.instrument.subject) == ("agreement", "finalized", "extradition")
    (w,) = [e for e in events("Ghana and Togo agreed on Tuesday to set up a joint working group on border security.")
            if e.instrument]
    assert (w.instrument.kind, w.instrument.status) == ("working group", "agreed")
    (s,) = [e for e in events("Peru and Ecuador signed an electricity interconnection agreement in Quito on Tuesday.")
            if e.instrument]
    assert s.instrument.name == "electricity interconnection agreement"  # "in Quito" is where, not what


def test_calling_on_someone_whose_own_clause_has_an_infinitive_is_a_visit():
    text = ("Belarusian Interior Minister Ivan Kubrakov later called on Pakistani Prime Minister Shehbaz Sharif, "
            "who said Pakistan wanted to turn the goodwill into trade.")
    assert parties(text, "CONSULT") == (["BLR"], ["PAK"])
    assert not [e for e in events(text) if e.event_type == "REQUEST"]


def test_suspending_a_treaty_is_a_sanction_on_the_other_party_of_the_story():
    text = ("India accused Pakistan on Tuesday of backing the gunmen. Last month New Delhi suspended the "
            "Indus Waters Treaty.")
    assert parties(text, "SANCTION") == (["IND"], ["PAK"])


def test_troops_moved_without_a_named_target_face_the_other_country_of_the_story():
    text = ("Turkey warned Syria on Tuesday that it would act. Turkish troops were moved to several points "
            "along the border on Monday.")
    assert parties(text, "MOBILIZE") == (["TUR"], ["SYR"])


def test_closing_a_frontier_to_a_country_is_a_sanction_on_it():
    assert parties("Pakistan closed its airspace to Indian airlines on Tuesday.", "SANCTION") == (["PAK"], ["IND"])
    assert not events("Police closed the border crossing near the town on Tuesday.")


def test_a_joint_project_agreed_to_is_no_cooperation_yet():
    text = "Kyrgyzstan and Tajikistan agreed on Tuesday to develop joint energy and transport projects."
    assert [e.event_type for e in events(text)] == ["AGREE"]


def test_troops_pulled_out_of_a_country_and_a_headline_plan():
    assert parties("France pulled its last troops out of Niger on Tuesday.", "RETREAT") == (["FRA"], ["NER"])
    plan = only("Germany to pull last troops out of Niger after talks on new deal fail")
    assert "future" in plan.context and plan.event_type != "RETREAT"


@pytest.mark.parametrize("text, actor, recipient", [
    ("Ghana said on Monday it was examining a request from Togo for border patrol boats.", "TGO", "GHA"),
    ("Zambia on Monday turned down a plea from Malawi to reopen the railway.", "MWI", "ZMB"),
    ("Uganda welcomed Tanzania's offer of engineers for the pipeline on Monday.", "TZA", "UGA"),
])
def test_a_request_or_offer_is_addressed_to_whoever_receives_or_answers_it(text, actor, recipient):
    asked = [e for e in events(text) if e.event_type in {"REQUEST", "AGREE"} and e.mentions[0].trigger
             in {"request", "plea", "offer"}]
    assert [(codes(e.actor), codes(e.recipient)) for e in asked] == [([actor], [recipient])]
    assert all(e.is_event for e in asked)  # turned down or weighed, the words were said all the same


def test_a_request_nobody_is_said_to_receive_is_not_coded():
    assert not [e for e in events("A request from Togo was published on Monday.") if e.event_type == "REQUEST"]


def test_an_expulsion_takes_its_by_phrase_even_on_the_expelled():
    text = "Hungary said on Monday that the expulsion of two of its diplomats by Serbia was unjustified."
    assert parties(text, "SANCTION") == (["SRB"], ["HUN"])


@pytest.mark.parametrize("text", [
    "Nigerian unions called a general strike on Tuesday over fuel prices.",
    "A general strike called by Nigerian unions began on Tuesday.",
])
def test_calling_a_strike_and_a_general_strike_are_protests(text):
    e = only(text)
    assert (e.event_type, codes(e.actor), e.mode) == ("PROTEST", ["NGA"], ("strike",))


def test_calling_a_leader_is_still_a_phone_call():
    assert parties("Nigerian President Bola Tinubu called Ghanaian President John Mahama on Tuesday.",
                   "CONSULT") == (["NGA"], ["GHA"])


def test_mobilising_its_own_forces_is_aimed_at_the_other_country_of_the_story():
    text = ("Guyana accused Venezuela on Monday of massing troops near the border. On Tuesday, Guyanese "
            "President Irfaan Ali ordered the deployment of thousands of members of the country's defence force.")
    assert parties(text, "MOBILIZE") == (["GUY"], ["VEN"])


@pytest.mark.parametrize("text, event_type", [
    ("Troops joined the French-Moroccan military exercise that began near Agadir on Monday.", "COOPERATE"),
    ("The Ghana-Togo talks ended on Monday without a deal.", "CONSULT"),
])
def test_a_hyphenated_pair_of_parties_before_an_event_noun_names_both(text, event_type):
    e = next(e for e in events(text) if e.event_type == event_type)
    assert len({a.code for a in e.actor}) == 2 and e.recipient == ()


@pytest.mark.parametrize("text, event_type", [
    ("Ethiopian forces on Tuesday began removing heavy weapons from the Eritrean border.", "RETREAT"),
    ("Ethiopia sent its army units back to their barracks on Tuesday.", "RETREAT"),
    ("Zambia's government on Tuesday reversed its decision to raise electricity tariffs.", "CONCEDE"),
])
def test_pulling_forces_back_and_reversing_a_decision(text, event_type):
    assert event_type in [e.event_type for e in events(text) if e.is_event]


def test_a_warning_of_arrest_is_a_threat_to_whoever_it_is_meant_for():
    text = ("Ugandan authorities imposed a curfew in Kampala on Tuesday. Uganda's police chief warned on Tuesday "
            "that anyone breaking the curfew would be arrested.")
    threats = [e for e in events(text) if e.event_type == "THREATEN"]
    assert [codes(e.actor) for e in threats] == [["UGA"]]
    assert not [e for e in events("Officials warned on Tuesday that the fire could spread.")
                if e.event_type == "THREATEN"]


def test_a_withdrawal_with_no_place_named_is_from_the_other_country_of_the_story():
    text = ("Tensions between Armenia and Azerbaijan eased on Monday. Armenia will withdraw army units stationed "
            "near the border to their bases by the end of the month, the defence minister said on Tuesday.")
    assert parties(text, "CONCEDE") == (["ARM"], ["AZE"])
    assert parties("Tensions between Sudan and Chad rose on Monday. Sudan pulled its troops back on Tuesday.",
                   "RETREAT") == (["SDN"], ["TCD"])


def test_an_instrument_acted_under_was_made_by_those_bound_by_it():
    text = ("The two neighbours, Kenya and Uganda, will share water from the lake under an agreement struck in "
            "Kampala on Monday.")
    e = next(e for e in events(text) if e.event_type == "AGREE")
    assert codes(e.actor) == ["KEN", "UGA"] and e.date == "2025-08-25"


def test_flying_relief_to_a_country_is_aid_and_flying_there_oneself_is_not():
    assert parties("Qatar flew tents and medicine to Afghanistan on Tuesday.", "AID") == (["QAT"], ["AFG"])
    assert not [e for e in events("Qatar's emir flew to Kabul on Tuesday.") if e.event_type == "AID"]


def test_suspending_a_price_increase_or_a_tax_is_a_concession():
    text = "Kenya's government suspended a fuel tax increase on Tuesday after three days of protests."
    assert [e.event_type for e in events(text) if e.is_event] == ["CONCEDE"]
    assert [e.event_type for e in events("Nigeria suspended the new levy on imported cars on Monday.")
            if e.is_event] == ["CONCEDE"]


def test_an_ambassador_recalled_with_no_place_named_is_recalled_from_the_other_country():
    text = ("Peru accused Bolivia on Monday of meddling in its election. "
            "Lima said it would recall its ambassador.")
    assert parties(text, "THREATEN") == (["PER"], ["BOL"])  # announced, so a threat to cut ties (PLOVER GSR)


def test_troops_pulled_out_with_no_place_named_leave_the_country_the_story_is_about():
    text = ("Mali and Russia signed a mining deal in July, and Russia sent instructors to Mali, where "
            "Mali's army is fighting rebels. Denmark pulled out its last soldiers in August.")
    assert parties(text, "RETREAT") == (["DNK"], ["MLI"])


def test_an_armed_group_withdrawing_takes_no_foreign_counterpart():
    text = ("Kenya and Somalia agreed on Monday to share intelligence. "
            "Al-Shabaab fighters stormed a police post in Lower Juba on Tuesday before withdrawing.")
    assert all(not codes(e.recipient) or codes(e.recipient) == ["SOM"]
               for e in events(text) if e.event_type == "RETREAT")


@pytest.mark.parametrize(("text", "target"), [
    ("Eritrean drones hit Mekelle fuel depots on Sunday.", ["ETH"]),
    ("Police said Sudanese shells struck markets in Abeche province on Sunday.", ["TCD"]),
])
def test_a_hostile_act_on_a_named_place_is_against_the_country_it_lies_in(text, target):
    e = next(e for e in events(text) if e.event_type == "ASSAULT")
    assert codes(e.recipient) == target


def test_a_temporal_clause_still_to_come_is_no_fact_yet():
    pending = events("Israel said it would keep its troops in the area until Hamas releases the hostages.")
    assert [e.is_event for e in pending if e.event_type == "RETREAT"] == [False]
    past = events("Israel kept its troops in the area until Hamas released the hostages in May.")
    assert [e.is_event for e in past if e.event_type == "RETREAT"] == [True]


@pytest.mark.parametrize("text, event_type, country", [
    ("Riot police clashed with striking dock workers in the Kenyan port of Mombasa on Tuesday.", "ASSAULT", "KEN"),
    ("Clashes between Kurdish fighters and Iraqi soldiers killed six people near Kirkuk on Monday.", "ASSAULT", "IRQ"),
])
def test_two_sectors_of_one_country_are_the_two_sides_of_a_domestic_act(text, event_type, country):
    e = next(e for e in events(text) if e.event_type == event_type)
    assert {a.code for a in e.actor} | {r.code for r in e.recipient} == {country}
    assert len({a.sector for a in e.actor} | {r.sector for r in e.recipient}) == 2


@pytest.mark.parametrize("text", [
    "Ghana's cabinet on Monday sent the budget to parliament.",  # branches of one state: procedure
    "Chilean students demanded on Tuesday that the government cut tuition fees.",  # a protest's topic
    "President Ruto said his government would offer European companies access to new gold fields.",
    "Cambodian journalist Mech Dara thanked his supporters on Thursday.",  # no side does politics
])
def test_no_domestic_friendly_act_between_branches_guesses_or_from_a_crowd(text):
    assert [e for e in events(text) if e.event_type in {"AID", "REQUEST", "AGREE", "SUPPORT"}] == []


@pytest.mark.parametrize("text, event_type, date", [
    ("DAKAR, Senegal (AP) - Senegalese opposition leader Ousmane Diallo was freed from prison on Monday, "
     "his lawyer said.", "RETREAT", "2025-08-25"),
    ("A curfew, first imposed in Lagos on Tuesday night, will stay in force, Nigerian police said.", "COERCE",
     "2025-08-26"),
    ("Police said about 300 officers were deployed around the French embassy in Dakar on Monday.", "MOBILIZE",
     "2025-08-25"),
])
def test_an_agentless_passive_of_a_state_act_is_the_authorities_own(text, event_type, date):
    e = next(e for e in events(text) if e.event_type == event_type)
    country = {"RETREAT": "SEN", "COERCE": "NGA", "MOBILIZE": "SEN"}[event_type]
    assert {a.code for a in e.actor} | {r.code for r in e.recipient} == {country} and e.date == date
    assert e.actor[0].sector == "GOV"


@pytest.mark.parametrize("text", [
    "Two Americans were detained on Monday, the State Department said.",  # by whom, it does not say
    "Street protests are banned in the kingdom.",  # a standing state
])
def test_no_implicit_authority_for_foreigners_or_standing_states(text):
    assert [e for e in events(text) if e.event_type == "COERCE"] == []


@pytest.mark.parametrize("text", [
    "Kenya and Uganda traded accusations on Monday. Kenya said ending the dispute would require talks "
    "between the two governments.",
    "Ghana and Togo clashed over fishing rights on Monday. Ghana said a settlement needs a meeting of the "
    "two presidents.",
])
def test_what_a_thing_would_require_is_no_event(text):
    assert not [e for e in events(text) if e.event_type in {"CONSULT", "AGREE"} and e.is_event]


@pytest.mark.parametrize("text", [
    "Eritrea said on Monday it would strike Ethiopian army positions along the border.",
    "Eritrea said on Monday it would shell any town that hosts Ethiopian troops.",
])
def test_violence_announced_by_its_own_actor_is_a_threat(text):
    (e,) = events(text)
    assert (e.event_type, e.mode, codes(e.actor), codes(e.recipient)) == ("THREATEN", ("violence",), ["ERI"], ["ETH"])


def test_a_threat_is_against_the_country_its_content_names_by_adjective():
    assert parties("Uganda threatened on Monday to ban Kenyan poultry imports.", "THREATEN") == (["UGA"], ["KEN"])


@pytest.mark.parametrize(("text", "pair"), [
    ("A shipment of Turkish medicine arrived in Port Sudan on Monday.", (["TUR"], ["SDN"])),
    ("Japanese relief supplies arrived in flood-hit Pakistan on Monday.", (["JPN"], ["PAK"])),
])
def test_goods_that_arrive_are_aid_delivered_not_a_visit(text, pair):
    (e,) = events(text)
    assert (e.event_type, (codes(e.actor), codes(e.recipient))) == ("AID", pair)


@pytest.mark.parametrize("text", [
    "India's emergency assistance delivered to Sri Lanka",
    "Emergency supplies provided by the Indian government were delivered in Colombo on Monday, officials said.",
])
def test_aid_delivered_with_no_subject_is_from_whoever_gave_the_goods(text):
    assert parties(text, "AID") == (["IND"], ["LKA"])


def test_a_reply_delivered_is_no_aid_from_its_author():
    text = "Kenya's reply to the letter was delivered through Qatar on Monday, officials said."
    assert not [e for e in events(text) if e.event_type == "AID"]


@pytest.mark.parametrize(("text", "pair"), [
    ("More than 300 Afghans were deported from Pakistan on Monday.", (["PAK"], ["AFG"])),
    ("Aid workers said they received 500 Guatemalans deported from Mexico on Monday.", (["MEX"], ["GTM"])),
])
def test_people_deported_from_a_country_are_deported_by_it(text, pair):
    assert parties(text, "COERCE") == pair


def test_money_granted_as_a_second_object_is_aid_to_the_first():
    assert parties("Japan granted Kenya $30 million on Monday to build roads.", "AID") == (["JPN"], ["KEN"])


def test_a_condition_names_whom_a_conditional_hostile_act_threatens():
    e = only("Kenya's largest teachers' union said on Monday it would call a national strike if parliament did not "
             "approve the pay rise.")
    assert (e.event_type, e.is_event) == ("THREATEN", True)
    assert [(a.code, a.sector) for a in e.actor] == [("KEN", "LAB")]
    assert [(r.code, r.sector) for r in e.recipient] == [("KEN", "LEG")]


@pytest.mark.parametrize("text", [
    "President Aleksandar Novak of Slovenia said on Saturday that he would not resign.",
    "Malawi's government said it would not release the detained activists.",
])
def test_a_concession_its_own_actor_says_it_will_not_make_is_a_refusal(text):
    e = only(text)
    assert (e.event_type, e.is_event) == ("REJECT", True)


def test_a_concession_others_say_will_not_come_is_no_refusal():
    assert [e for e in events("Analysts said the president would not resign.") if e.event_type == "REJECT"] == []


@pytest.mark.parametrize("text, event_type", [
    ("Chilean riot police removed several barricades on a Santiago bridge on Thursday.", "COERCE"),
    ("Thai police cleared the protest camp on Monday.", "COERCE"),
    ("Peru's Congress shelved the president's pension bill in March.", "REJECT"),
])
def test_clearing_barricades_is_coercion_and_shelving_a_bill_a_rejection(text, event_type):
    assert [e.event_type for e in events(text)] == [event_type]


def test_two_officials_of_one_organisation_are_no_domestic_sides():
    text = "UN Secretary-General Antonio Guterres met UN human rights chief Volker Turk in Geneva on Monday."
    assert [e for e in events(text) if e.event_type == "CONSULT"] == []


def test_a_perfect_progressive_over_years_is_a_standing_conflict_not_an_act():
    assert [e for e in events("Ethiopian troops have been fighting Fano militias in Amhara for nearly two years.")
            if e.event_type == "ASSAULT"] == []
    assert [e.date for e in events("Ethiopian troops have been fighting Fano militias in Amhara since Monday.")
            if e.event_type == "ASSAULT"] == ["2025-08-25"]


@pytest.mark.parametrize(("text", "pair"), [
    ("Mali pulled out of the 2015 peace agreement with Algeria on Thursday.", (["MLI"], ["DZA"])),
    ("Niger withdrew from the defence pact between Niger and France on Monday.", (["NER"], ["FRA"])),
])
def test_leaving_an_agreement_ends_a_tie_with_its_other_parties(text, pair):
    (e,) = events(text)
    assert e.event_type == "SANCTION" and (codes(e.actor), codes(e.recipient)) == pair



def test_whoever_summons_a_foreign_ambassador_is_the_host_not_the_envoys_country():
    text = ("Belarusian Foreign Minister Maxim Ryzhenkov accused Poland on Monday of staging provocations. "
            "The foreign ministry said it had summoned Belarusian Ambassador Ivan Petrov.")
    e = next(e for e in events(text) if "disapprove" in e.mode)
    assert (codes(e.actor), codes(e.recipient)) == (["POL"], ["BLR"])


@pytest.mark.parametrize("text", [
    "Chile's foreign minister called on Caracas on Monday to release the detained opposition leaders.",
    "Peru said on Monday it would keep hosting refugees and called on Caracas to free the jailed activists.",
])
def test_what_a_call_on_someone_asks_for_is_no_act_of_the_caller(text):
    assert not [e for e in events(text) if e.event_type == "RETREAT"]
    assert ("REQUEST", ["VEN"]) in [(e.event_type, codes(e.recipient)) for e in events(text)]


@pytest.mark.parametrize(("text", "pair", "day"), [
    ("The road treaty that Chile and Bolivia signed in Arica on August 12 opens a new corridor.",
     (["BOL", "CHL"], []), "2025-08-12"),
    ("The deal which Kenya signed with Uganda on Monday was praised by traders.", (["KEN", "UGA"], []), "2025-08-25"),
])
def test_an_instrument_a_dated_relative_clause_says_was_signed_is_a_signing(text, pair, day):
    e = next(e for e in events(text) if e.event_type == "SUPPORT")
    assert (codes(e.actor), codes(e.recipient)) == pair and e.date == day


def test_an_undated_relative_clause_on_an_instrument_is_a_description():
    assert not [e for e in events("Lome has kept the border shut since Accra backed the sanctions that the bloc "
                                  "imposed.") if e.event_type == "SANCTION"]


def test_a_second_predicate_after_and_under_a_reporting_verb_has_its_subject():
    text = ("Algeria's foreign ministry said the decision by Paris to expel its consul was a mistake, and warned "
            "that further expulsions of French staff were possible.")
    assert parties(text, "THREATEN") == (["DZA"], ["FRA"])


def test_a_warning_of_a_forecast_threatens_no_one():
    assert not [e for e in events("Firefighters said the wind had turned, and warned that the fire could spread.")
                if e.event_type == "THREATEN"]


@pytest.mark.parametrize("text", [
    "Some 80 tonnes of medical supplies donated by Japan reached Haiti on Tuesday.",
    "Relief supplies sent by Japan reached Haiti on Tuesday.",
])
def test_goods_that_reach_a_country_are_aid_from_whoever_gave_them(text):
    assert parties(text, "AID") == (["JPN"], ["HTI"])


def test_people_who_reach_a_place_deliver_no_aid():
    assert not [e for e in events("Negotiators reached Geneva on Sunday.") if e.event_type == "AID"]


@pytest.mark.parametrize(("text", "pair"), [
    ("Chad's request for French troops, announced in N'Djamena on Monday, was welcomed.", (["TCD"], ["FRA"])),
    ("Kyiv's request for German tanks was turned down.", (["UKR"], ["DEU"])),
])
def test_a_request_for_a_countrys_troops_or_arms_is_addressed_to_it(text, pair):
    assert parties(text, "REQUEST") == pair


def test_rejecting_a_call_is_a_rejection_of_whoever_made_it():
    text = "Cairo criticised Ethiopia's rejection of Egypt's call for a binding agreement, announced on Monday."
    assert parties(text, "REJECT") == (["ETH"], ["EGY"])


def test_declaring_support_for_a_countrys_candidate_supports_that_country():
    text = "Dakar on Wednesday formally declared its support for the Mauritanian candidate, Mohamed Ould Bah."
    assert parties(text, "SUPPORT") == (["SEN"], ["MRT"])


def test_organised_labour_is_the_unions_of_the_story_country():
    text = ("ABUJA - Organised labour on Tuesday issued a 14-day ultimatum to the Federal Government over "
            "Nigeria's power tariffs.")
    e = next(e for e in events(text) if e.event_type == "THREATEN")
    assert [(a.code, a.sector) for a in e.actor] == [("NGA", "LAB")]
    assert [(r.code, r.sector) for r in e.recipient] == [("NGA", "GOV")]


def test_a_pronoun_owner_of_a_rejected_call_is_not_the_rejecter():
    text = "Egypt has criticised Ethiopia's rejection of its call for a binding agreement on the dam."
    assert parties(text, "REJECT") == (["ETH"], ["EGY"])


@pytest.mark.parametrize(("text", "pair"), [
    ("Three Georgian fishermen returned home on Friday after release by Moscow.", (["RUS"], ["GEO"])),
    ("Hamas welcomed the release of Palestinian prisoners by Israel.", (["ISR"], ["PSE"])),
])
def test_a_release_with_its_releaser_named_is_a_release(text, pair):
    assert parties(text, "RETREAT") == pair


@pytest.mark.parametrize("text", [
    "The embassy said it was working with the authorities to arrange the men's release.",
    "The company issued a press release on Monday.",
])
def test_a_release_with_no_releaser_named_on_it_is_not_coded(text):
    assert not [e for e in events(text) if e.event_type == "RETREAT"]


def test_a_past_clause_of_time_under_a_future_verb_is_a_fact():
    e = next(e for e in events("Russia will take mirror measures against Moldova after Chisinau expelled a "
                               "Russian diplomat on Monday, the ministry said.") if e.event_type == "SANCTION")
    assert e.is_event and "hypothetical" not in e.context and (codes(e.actor), codes(e.recipient)) == (["MDA"], ["RUS"])


def test_a_present_clause_of_time_under_a_future_verb_is_still_to_come():
    assert not [e for e in events("Kenya will sanction Somalia after Uganda withdraws its troops.")
                if e.event_type == "RETREAT" and e.is_event and "future" not in e.context
                and "hypothetical" not in e.context]


@pytest.mark.parametrize("text", [
    "Zambia's government backed down on Tuesday over the fuel levy.",
    "Zambia's government bowed to pressure from the unions on Tuesday.",
    "The Zambian government on Tuesday cancelled last week's fuel price increase.",
])
def test_backing_down_bowing_to_pressure_and_cancelling_a_rise_are_concessions(text):
    e = next(e for e in events(text) if e.event_type == "CONCEDE")
    assert codes(e.actor) == ["ZMB"] and e.is_event


@pytest.mark.parametrize("text", ["The prince bowed to the crowd.", "Zambia cancelled talks with Malawi on Monday."])
def test_a_bow_and_a_cancelled_meeting_are_no_concessions(text):
    assert not [e for e in events(text) if e.event_type == "CONCEDE"]


@pytest.mark.parametrize("text", [
    "Hundreds of Vietnamese students march on Chinese embassy in Hanoi",
    "Around 300 Peruvian miners marched to the Chilean consulate general in Tacna on Tuesday.",
])
def test_a_march_on_a_foreign_mission_is_a_protest_at_its_state(text):
    actor, recipient = parties(text, "PROTEST")
    assert recipient == (["CHN"] if "Chinese" in text else ["CHL"]) and actor != recipient


@pytest.mark.parametrize(("text", "code"), [
    ("Peruvian soldiers and police took to the streets of Lima on Tuesday.", "PER"),
    ("Columns of Ugandan army trucks reached the border town of Mpondwe on Tuesday, residents said.", "UGA"),
    ("Kenyan tanks rolled into the town of Mandera on Tuesday.", "KEN"),
])
def test_forces_moving_into_a_place_are_deployed(text, code):
    e = next(e for e in events(text) if e.event_type in {"MOBILIZE", "PROTEST"})
    assert (e.event_type, codes(e.actor)[:1]) == ("MOBILIZE", [code])


def test_people_taking_to_the_streets_still_protest():
    e = next(e for e in events("Thousands of Peruvian students took to the streets of Lima on Tuesday."))
    assert e.event_type == "PROTEST"


@pytest.mark.parametrize("text", [
    "Chad said it would respond, in a statement released by the foreign ministry on Monday.",
    "The report released by the wildlife committee on Monday blamed poachers.",
])
def test_a_document_released_by_its_author_frees_no_one(text):
    assert not [e for e in events(text) if e.event_type == "RETREAT"]


def test_people_released_by_a_state_are_not_its_nationals_for_being_near_it():
    assert not [e for e in events("The prisoners released by Russia on Monday arrived in Kyiv.")
                if "RUS" in codes(e.actor) and e.event_type == "CONSULT"]


def test_coming_home_is_no_visit():
    text = "The Ukrainian prisoners released by Russia on Monday arrived in Kyiv."
    assert [e.event_type for e in events(text)] == ["RETREAT"]


@pytest.mark.parametrize("text", [
    "Kenya called for Uganda to withdraw its troops from the border.",
    "Kenya on Monday called for Uganda to lift the travel ban.",
])
def test_what_a_call_for_someone_to_act_asks_for_is_the_content_of_a_request(text):
    (e,) = [e for e in events(text) if e.is_event]
    assert e.event_type == "REQUEST" and (codes(e.actor), codes(e.recipient)) == (["KEN"], ["UGA"])

@pytest.mark.parametrize(("text", "event_type", "recipient"), [
    ("Britain targets Belarusian potash exporters and their banks", "SANCTION", ["BLR"]),
    ("Russian drones targeted Ukrainian energy companies overnight.", "ASSAULT", ["UKR"]),
    ("Russian drones targeted Ukrainian army positions overnight.", "ASSAULT", ["UKR"]),
])
def test_targeting_firms_is_a_sanction_unless_weapons_do_it(text, event_type, recipient):
    (e,) = events(text)
    assert (e.event_type, codes(e.recipient)) == (event_type, recipient)


def test_ordinary_people_expelled_are_deported_by_the_country_the_sentence_names():
    text = "Rights groups urged Malaysia to stop sending migrants back to Myanmar after the authorities expelled " \
           "600 people through the Bukit Kayu Hitam checkpoint on Monday."
    e = next(e for e in events(text) if "expelled" in {m.trigger for m in e.mentions})
    assert (e.event_type, e.mode, codes(e.actor)) == ("COERCE", ("deport",), ["MYS"])


def test_expelling_diplomats_is_still_a_sanction():
    e = next(e for e in events("Poland expelled two Russian diplomats on Monday."))
    assert (e.event_type, codes(e.recipient)) == ("SANCTION", ["RUS"])


def test_people_received_by_aid_workers_are_no_visit_and_not_the_aid_workers():
    text = "TIJUANA, Mexico - Aid workers in the Mexican border city of Tijuana said they received more than 900 " \
           "people deported from the United States on Tuesday."
    evs = events(text)
    assert "CONSULT" not in {e.event_type for e in evs}
    e = next(e for e in evs if e.event_type == "COERCE")
    assert (codes(e.actor), codes(e.recipient)) == (["USA"], ["MEX"])


@pytest.mark.parametrize("text", [
    "Israel launched a crackdown on protests by Palestinians on Monday.",
    "Rights groups condemned Israel's crackdown on protests by Palestinians.",
])
def test_the_protesters_of_a_protest_cracked_down_on_are_its_target(text):
    assert parties(text, "COERCE") == (["ISR"], ["PSE"])


def test_a_hostile_act_a_phrasal_verb_steps_up_is_its_subjects():
    assert parties("Russia stepped up attacks on Ukrainian positions.", "ASSAULT") == (["RUS"], ["UKR"])


def test_a_joint_crackdown_is_cooperation_between_its_parties():
    e = next(e for e in events("Thailand and China stepped up a joint crackdown on scam networks on Monday.")
             if e.event_type in {"COOPERATE", "COERCE"})
    assert e.event_type == "COOPERATE" and codes(e.actor) == ["CHN", "THA"]


@pytest.mark.parametrize(("text", "event_type"), [
    ("Washington hit Canada and Mexico with a 25% levy on Monday.", "SANCTION"),
    ("Israel hit Hamas targets with airstrikes on Monday.", "ASSAULT"),
])
def test_what_a_country_is_hit_with_says_the_kind_of_act(text, event_type):
    assert next(e for e in events(text) if e.is_event).event_type == event_type


def test_two_acts_of_one_kind_joined_by_and_share_their_object():
    (e,) = [e for e in events("Al-Shabaab fighters attacked and killed Kenyan troops on Monday.") if e.is_event]
    assert e.event_type == "ASSAULT" and codes(e.recipient) == ["KEN"] and e.date == "2025-08-25"


def test_a_verb_of_another_kind_does_not_take_its_neighbours_object():
    assert not [e for e in events("Kenyan police arrived and arrested protesters in Nairobi on Monday.")
                if e.event_type == "CONSULT"]


@pytest.mark.parametrize(("text", "event_type", "pair"), [
    ("Washington blocked the Turkish sale on Monday.", "SANCTION", (["USA"], ["TUR"])),
    ("Russia blocked the Security Council resolution on Monday.", "REJECT", (["RUS"], ["UNO"])),
    ("Ankara froze Russian assets on Monday.", "SANCTION", (["TUR"], ["RUS"])),
])
def test_what_is_blocked_or_frozen_says_the_act_and_whose_it_is(text, event_type, pair):
    assert parties(text, event_type) == pair


def test_blocking_a_road_is_still_an_obstruction():
    e = next(e for e in events("Kenyan farmers blocked the main road to Nairobi on Monday.") if e.is_event)
    assert e.event_type == "PROTEST"


@pytest.mark.parametrize("text", [
    "Washington's ban on Chinese chips took effect on Monday.",
    "The US chip ban on China was tightened on Monday.",
])
def test_a_countrys_ban_on_another_is_a_sanction(text):
    assert parties(text, "SANCTION") == (["USA"], ["CHN"])


def test_a_standing_embargo_named_in_passing_is_no_act():
    assert not events("Such transfers would violate a U.N. arms embargo on North Korea.")


@pytest.mark.parametrize(("text", "mode"), [
    ("Greece plans to impose restrictions on Bulgarian workers from May.", None),
    ("Algeria said on Monday it would expel French diplomats.", "expel"),
])
def test_a_hostile_measure_announced_by_its_own_actor_is_a_threat(text, mode):
    e = next(e for e in events(text) if e.is_event)
    assert e.event_type == "THREATEN" and (mode is None or e.mode == (mode,))


@pytest.mark.parametrize("text", [
    "If the green card is revoked, the person is usually deported from Kenya.",
    "When a tanker enters its waters without a permit, Iran often seizes it.",
])
def test_what_usually_happens_under_a_rule_is_no_act(text):
    assert not [e for e in events(text) if e.is_event]


def test_a_charge_of_routine_abuse_is_still_an_act():
    text = "Israeli soldiers routinely beat up Palestinian detainees on the West Bank, a court was told today."
    assert parties(text, "ASSAULT") == (["ISR"], ["PSE"])


def test_named_deportees_are_the_target_not_where_they_were_sent():
    assert parties("The United States deported 200 Afghans to Turkey on Monday.", "COERCE") == (["USA"], ["AFG"])


def test_deportees_of_no_stated_nationality_leave_the_destination_as_target():
    assert parties("Thailand deported 40 men to China on Thursday.", "COERCE") == (["THA"], ["CHN"])
