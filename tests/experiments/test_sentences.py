from rnnviz.experiments.sentences import token_sequences, tokenize


def test_sentences():
    seqs = {s["id"]: s for s in token_sequences()}
    assert seqs["you_say_goodbye"]["tokens"] == ["you", "say", "goodbye", "and", "I", "say", "hello", "."]
    tom = seqs["tom"]
    assert tom["tokens"][0] == "Tom" and tom["tokens"][-1] == "?" and tom["answer"] == "Tom"
    assert tom["tokens"].count("Mary") == 2
    tickets = seqs["tickets"]
    assert tickets["answer"] == "tickets" and tickets["distractor"] == "printer"
    assert tickets["tokens"][-3:] == ["printed", "her", "?"]
    assert seqs["writer_of_the_books"]["tokens"] == ["The", "writer", "of", "the", "books", "?"]
    assert seqs["writer_of_the_books"]["answer"] == "is"
    assert seqs["writer_of_the_books"]["distractor"] == "are"
    for s in seqs.values():
        assert set(s["description"]) == {"ko", "en"} and all(s["description"].values())


def test_fresh_copies():
    a = token_sequences()
    a[0]["tokens"].append("x")
    a[0]["description"]["en"] = ""
    b = token_sequences()
    assert b[0]["tokens"][-1] == "." and b[0]["description"]["en"]


def test_tokenize():
    assert tokenize("hello, world.") == ["hello", ",", "world", "."]
