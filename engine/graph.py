"""Dependency order of computed values, with the first cycle found reported as a path."""

from __future__ import annotations


def topological(deps: dict[str, set[str]]) -> tuple[list[str], list[str] | None]:
    """Order ``deps`` (node → nodes it needs) so that needs come first.

    Nodes keep their declaration order where the dependencies allow it. Returns the order and,
    when there is a cycle, one cycle as a path that ends where it starts (``a → b → a``).
    """
    order: list[str] = []
    state: dict[str, int] = {}  # 1 = in progress, 2 = done
    stack: list[str] = []
    cycle: list[str] | None = None

    def visit(node: str) -> None:
        nonlocal cycle
        state[node] = 1
        stack.append(node)
        for need in sorted(deps.get(node, ()), key=_position(deps)):
            if need not in deps:
                continue
            if state.get(need) == 1:
                if cycle is None:
                    cycle = stack[stack.index(need):] + [need]
                continue
            if state.get(need) is None:
                visit(need)
        stack.pop()
        state[node] = 2
        order.append(node)

    for node in deps:
        if state.get(node) is None:
            visit(node)
    return order, cycle


def _position(deps):
    index = {name: i for i, name in enumerate(deps)}
    return lambda name: index.get(name, -1)
