from mldebt.rule import Option, Rule


class NondeterministicAlgorithms(Rule):
    """## What it does
    Flags a PyTorch training module (one that calls `backward()` and trains
    when it is run) that never calls `torch.use_deterministic_algorithms(True)`
    (nor Lightning's `Trainer(deterministic=...)`,
    `transformers.enable_full_determinism` or a seeding helper given
    `deterministic=True`, as in `init_seeds(seed, deterministic=True)`). Reported once, at the first
    `backward()`. Opt-in: deterministic kernels are slower and some
    operations have none, so teams choose it.

    ## Why is this bad
    Zhang et al. (2022, smell 13): even with every seed set, cuDNN and
    atomic CUDA kernels pick algorithms and sum in orders that differ
    between runs, so two runs of the same commit train different models.

    ## Example
    ```python
    torch.manual_seed(SEED)
    for batch in loader:
        loss = criterion(model(batch.x), batch.y)
        loss.backward()
    ```

    ## Use instead
    ```python
    torch.manual_seed(SEED)
    torch.use_deterministic_algorithms(True)
    torch.backends.cudnn.benchmark = False
    ```

    ## Options
    - `accept-cudnn-deterministic` (bool, default `false`): also accept
      `torch.backends.cudnn.deterministic = True`, which covers cuDNN's
      convolutions only.
    """

    code = "MLD405"
    symbol = "nondeterministic-algorithms"
    summary = "PyTorch training module never enables deterministic algorithms"
    enabled_by_default = False
    options = (
        Option("accept-cudnn-deterministic", "bool", False, "Accept `torch.backends.cudnn.deterministic = True`."),
    )

    def finish(self) -> None:
        facts = self.module.randomness
        if not facts.torch_steps or facts.deterministic or not facts.trains_when_run:
            return
        if self.settings["accept-cudnn-deterministic"] and "cudnn.deterministic = True" in self.module.text:
            return
        self.report(
            facts.torch_steps[0],
            "this PyTorch training module never calls `torch.use_deterministic_algorithms(True)`, so runs "
            "differ even with seeds set; enable it (and turn `cudnn.benchmark` off) at start-up",
        )
