"""English function words are dropped from questions, but not words that are also names questions ask about."""

from qa.words import content_tokens


def test_acronyms_that_spell_function_words_are_kept() -> None:
    assert "us" in content_tokens("What is the US tariff on steel?")
    assert "can" in content_tokens("How does the CAN bus work?")
    assert "much" not in content_tokens("How much is the deposit?")  # the asking word still goes
