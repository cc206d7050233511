"""What the figure tests share: building a catalogue figure from changed defaults, and finiteness."""

import numpy as np

from rnnviz import catalogue


def build(figure_id, lang="en", theme="light", **changes):
    """``(data, fig)`` of a catalogue figure at its defaults with ``changes``, which must be valid."""
    spec = catalogue.get(figure_id)
    values, notices = spec.validate({**spec.defaults(), **changes})
    assert not notices, notices
    data = spec.run(values)
    return data, spec.build(data, lang=lang, theme=theme, **spec.view_values(values))


def assert_finite(fig):
    """No inf/nan in any trace's x, y or z (None marks a deliberate gap; category labels are skipped)."""
    for trace in fig.data:
        for axis in ("x", "y", "z"):
            values = getattr(trace, axis, None)
            if values is None:
                continue
            flat = np.asarray(values, dtype=object).ravel()
            numbers = [v for v in flat if v is not None and not isinstance(v, str)]
            if numbers:
                assert np.all(np.isfinite(np.asarray(numbers, dtype=float))), (trace.name, axis)


def note_texts(fig) -> list[str]:
    """The figure's annotations as plain lines: a note is wrapped with ``<br>`` to the chart's width."""
    return [a.text.replace("<br>", " ") for a in fig.layout.annotations]
