from communique import nlp


def test_lemma_repair_gives_back_a_dropped_final_e():
    doc = nlp.load()("University teachers staged a national strike. Workers are staging protests.")
    assert [t.lemma_ for t in doc if t.lower_.startswith("stag")] == ["stage", "stage"]


def test_a_line_break_starts_a_sentence():
    doc = nlp.load()("Pakistan, Belarus sign MoU\n\nThe two countries signed it on Tuesday.")
    assert sum(1 for s in doc.sents if s.text.strip()) == 2


def test_the_ruler_tags_countries_the_model_misses():
    doc = nlp.load()("Belarus and Pakistan agreed to cooperate.")
    assert ("Belarus", "GPE") in [(e.text, e.label_) for e in doc.ents]


def test_lemma_repair_covers_the_modality_words():
    doc = nlp.load()("He had hoped that Kenya would agree. She is hoping for talks.")
    assert [t.lemma_ for t in doc if t.lower_.startswith("hop")] == ["hope", "hope"]
