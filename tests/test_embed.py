import numpy as np
import pytest

from qa.embed import ENCODERS, E5Encoder, HashEncoder, default_encoder


def test_unknown_model_setting_is_refused_clearly(monkeypatch):
    monkeypatch.setenv("MINUTEBOOK_MODEL", "no-such-model")
    with pytest.raises(ValueError, match="unknown model 'no-such-model'; choose one of"):
        default_encoder()


def test_model_setting_picks_the_encoder(monkeypatch):
    for key, cls in ENCODERS.items():
        monkeypatch.setenv("MINUTEBOOK_MODEL", key)
        assert isinstance(default_encoder(for_queries=True), cls)


def test_every_encoder_carries_its_calibration():
    for cls in (*ENCODERS.values(), HashEncoder):
        assert 0 < cls.strong < 1 and 0 < cls.fusion_weight <= 1


@pytest.mark.slow
def test_e5_queries_and_passages_are_encoded_differently_and_normalised():
    enc = E5Encoder(threads=1)
    text = "The committee agreed to extend the library opening hours."
    q, p = enc.encode_queries([text])[0], enc.encode([text])[0]
    assert q.shape == p.shape == (enc.dims,)
    assert np.isclose(np.linalg.norm(q), 1, atol=1e-3) and np.isclose(np.linalg.norm(p), 1, atol=1e-3)
    assert not np.allclose(q, p, atol=1e-3)  # "query: " and "passage: " prefixes
    assert enc.encode([]).shape == (0, enc.dims)


@pytest.mark.slow
def test_e5_ranks_a_reworded_answer_above_a_same_topic_distractor():
    enc = E5Encoder(threads=1)
    q = enc.encode_queries(["how long do people wait for a council house?"])[0]
    passages = enc.encode(["Applicants on the housing register typically wait three years for an offer of a home.",
                           "The housing committee met in the council chamber at 7pm."])
    sims = passages @ q
    assert sims[0] > sims[1]
