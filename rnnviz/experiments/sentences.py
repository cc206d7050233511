"""The seeds' example sentences, as token lists for the app.

Each entry: ``id``, ``seed`` (which seed file uses it), ``tokens`` (words and punctuation as
separate tokens; ``?`` marks the blank to predict), ``answer`` (the right word for the blank or
``None``), ``distractor`` (the tempting wrong word the seed names, or ``None``) and
``description`` ``{"ko": ..., "en": ...}``.
"""

import re

_TOKEN = re.compile(r"[A-Za-z']+|[.,?]")


def tokenize(text):
    """Split ``text`` into words and the punctuation marks ``. , ?`` (case kept)."""
    if not isinstance(text, str):
        raise ValueError("text must be a string")
    return _TOKEN.findall(text)


_SENTENCES = (
    {
        "id": "you_say_goodbye",
        "seed": "002",
        "text": "you say goodbye and I say hello .",
        "answer": None,
        "distractor": None,
        "description": {
            "ko": "RNNLM 예제 문장: 각 시각에 다음 단어를 예측한다 (you 다음은 say).",
            "en": "The RNNLM example: at every step the model predicts the next word (after 'you' comes 'say').",
        },
    },
    {
        "id": "tom",
        "seed": "000",
        "text": "Tom was watching TV in his room . Mary came into the room . Mary said hi to ?",
        "answer": "Tom",
        "distractor": None,
        "description": {
            "ko": "장기 의존: 정답 'Tom'의 기울기가 문장 맨 앞의 'Tom'까지 과거 방향으로 전달되어야 한다.",
            "en": "Long-term dependency: the gradient for the answer 'Tom' must flow back to the first word 'Tom'.",
        },
    },
    {
        "id": "tickets",
        "seed": "003",
        "text": (
            "When she tried to print her tickets , she found that the printer was out of toner . "
            "She went to the stationery store to buy more toner . It was very overpriced . "
            "After installing the toner into the printer , she finally printed her ?"
        ),
        "answer": "tickets",
        "distractor": "printer",
        "description": {
            "ko": "기울기 소실 때문에 멀리 있는 'tickets' 대신 가까운 'printer'를 예측하게 된다.",
            "en": "With vanishing gradients the model guesses the nearby 'printer' instead of the distant 'tickets'.",
        },
    },
    {
        "id": "writer_of_the_books",
        "seed": "003",
        "text": "The writer of the books ?",
        "answer": "is",
        "distractor": "are",
        "description": {
            "ko": "주어 'writer'에 맞춰 'is'가 정답이지만, 가까운 'books'를 보고 'are'로 잘못 예측한다.",
            "en": "The verb must agree with 'writer' ('is'), but a model that forgets picks 'are' from the nearby 'books'.",
        },
    },
)


def token_sequences():
    """All example sentences as a list of fresh dicts (see the module docstring for the keys)."""
    out = []
    for s in _SENTENCES:
        entry = {k: v for k, v in s.items() if k != "text"}
        entry["tokens"] = tokenize(s["text"])
        entry["description"] = dict(s["description"])
        out.append(entry)
    return out
