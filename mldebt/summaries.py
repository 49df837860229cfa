"""What the project index knows of one training module: plain data, cached between runs."""

from __future__ import annotations

import dataclasses

from mldebt.analysis.features import Step


@dataclasses.dataclass(frozen=True)
class SavedArtifact:
    """A file the training code writes: its name (when literal) and what it holds."""

    name: str | None
    holds: tuple[str, ...]  # estimator roles: "pipeline", "model", "transformer", ...


@dataclasses.dataclass(frozen=True)
class TrainingSummary:
    """What one training module does to the features before ``fit``."""

    path: str
    steps: tuple[Step, ...]
    feature_order: tuple[str, ...]
    order_line: int
    target: str | None
    artifacts: tuple[SavedArtifact, ...]

    @property
    def saves_artifacts(self) -> bool:
        return bool(self.artifacts)

    @property
    def artifact_names(self) -> tuple[str, ...]:
        return tuple(sorted({artifact.name for artifact in self.artifacts if artifact.name}))

    @property
    def features(self) -> frozenset[str]:
        """Every feature the training code names: fitted, transformed or read by a transformation."""
        named = set(self.feature_order)
        for step in self.steps:
            named.add(step.feature)
            named.update(step.sources)
        return frozenset(named - {"*"})
