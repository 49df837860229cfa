from astroid import nodes

from mldebt.analysis.names import call_label
from mldebt.analysis.randomness import FRAMEWORKS
from mldebt.rule import Option, Rule

_SEEDERS = {
    "numpy": "np.random.seed(SEED)", "torch": "torch.manual_seed(SEED)", "tensorflow": "tf.random.set_seed(SEED)",
}
_NAMES = {"numpy": "numpy", "torch": "PyTorch", "tensorflow": "TensorFlow"}


class UnseededFrameworkRng(Rule):
    """## What it does
    Flags a training module (one that trains a model when it is run: a
    script, a notebook export, a module with an `if __name__ ==
    "__main__":` block) that draws from numpy's, PyTorch's or TensorFlow's
    global random number generator and never seeds it. Drawing is a
    `np.random.*` sampling call, `torch.rand*`/`torch.randperm`/
    `torch.nn.init.*`, a `torch.nn` layer with random initial weights or
    dropout (`nn.Linear`, `nn.Conv2d`, `nn.LSTM`, `nn.Dropout`, ...),
    `tf.random.*`, or a Keras layer with random initial weights or dropout;
    a PyTorch training step (`loss.backward()`) counts too, at the first
    step, when nothing else draws visibly: the model it trains starts from
    random weights and uses dropout wherever it is defined. One finding per
    framework, at its first draw. An
    `np.random.default_rng()` or `RandomState()` without a seed is flagged
    where it is made: no global seed fixes it.

    ## Why is this bad
    Zhang et al. (2022, smell 14): initial weights, dropout masks and
    sampled data differ on every run, so a result cannot be reproduced and
    a change cannot be told from noise.

    ## Example
    ```python
    model = nn.Sequential(nn.Linear(32, 64), nn.ReLU(), nn.Linear(64, 1))
    ...
    if __name__ == "__main__":
        train(model)
    ```

    ## Use instead
    Seed once at start-up, from configuration:
    ```python
    torch.manual_seed(config.seed)
    rng = np.random.default_rng(config.seed)
    ```
    Any of these counts, anywhere in the module: `np.random.seed(s)`,
    `torch.manual_seed(s)`, `tf.random.set_seed(s)`,
    `keras.utils.set_random_seed(s)`, Lightning's `seed_everything`,
    `transformers.set_seed` (and Hugging Face's `Trainer`, which seeds
    itself), or the project's own helper with `seed` in its name. Library
    modules that only define models and functions are not flagged: the
    script that runs them seeds.

    ## Options
    - `frameworks` (list, default `["numpy", "torch", "tensorflow"]`): the
      generators checked.
    """

    code = "MLD404"
    symbol = "unseeded-framework-rng"
    summary = "Training module draws from numpy/torch/TensorFlow random generators it never seeds"
    options = (Option("frameworks", "str-list", FRAMEWORKS, "The frameworks whose generators are checked."),)

    def finish(self) -> None:
        facts = self.module.randomness
        if not facts.trains_when_run:
            return
        for framework in self.settings["frameworks"]:
            if framework in facts.seeded:
                continue
            draws = facts.draws.get(framework, ())
            if draws:
                what = f"`{call_label(draws[0])}` here"
            elif framework == "torch" and facts.torch_steps:
                # The model's initial weights, its dropout and the batch order come from torch's generator.
                draws, what = facts.torch_steps, f"it trains a model with `{call_label(facts.torch_steps[0])}`"
            else:
                continue
            self.report(
                draws[0],
                f"this training module draws from {_NAMES[framework]}'s random generator ({what}) "
                f"and never seeds it, so no run can be repeated; call `{_SEEDERS[framework]}` once at start-up",
            )
        if "numpy" in self.settings["frameworks"]:
            for generator in facts.unseeded_generators:
                self.report(
                    generator,
                    f"`{call_label(generator)}` makes a generator without a seed, so no run can be repeated; "
                    "pass the seed from configuration",
                )
