"""Typed subcommands: each command's arguments are one frozen dataclass, and the parser is built
from it, so the value a handler receives is exactly what mypy sees.

A field of an arguments class is declared with `option(...)`; its annotation decides how
argparse reads it:

    str, int, Path            an option with a value (`--out FILE`)
    X | None                  the same, optional (None when absent)
    Literal["a", "b"]         a value from a fixed set (`--format pdf|json`)
    bool                      a flag (`--confirm-mass-deletion`), False when absent
    tuple[str, ...]           a repeatable option (`--team ID --team ID`), () when absent

A field without a default is a required option. `--data-dir` may stand before or after the
command (the top-level parser knows it too). The typed value is built in one place,
`Command.build`, from argparse's namespace; nothing else reads the namespace.
"""

from __future__ import annotations

import argparse
import dataclasses
import types
import typing
from collections.abc import Callable, Mapping
from dataclasses import MISSING, dataclass
from pathlib import Path
from typing import Any, Generic, Literal, TypeVar, dataclass_transform, overload

_T = TypeVar("_T")
A = TypeVar("A")

_META = "brugfiguur.cli"


@dataclass(frozen=True)
class Opt:
    """How one field appears on the command line."""

    flags: tuple[str, ...]
    help: str
    metavar: str | None


@overload
def option(*flags: str, help: str, metavar: str | None = None, default: _T) -> _T: ...
@overload
def option(*flags: str, help: str, metavar: str | None = None) -> Any: ...
def option(*flags: str, help: str, metavar: str | None = None, default: Any = MISSING) -> Any:
    """A command-line option of an arguments class (see the module docstring)."""
    if not flags or not all(f.startswith("--") for f in flags):
        raise ValueError(f"option flags must start with --: {flags}")
    if not help.strip():
        raise ValueError(f"option {flags[0]} needs a help text")
    return dataclasses.field(default=default, metadata={_META: Opt(flags, help, metavar)})


@dataclass_transform(kw_only_default=True, frozen_default=True, field_specifiers=(option,))
def arguments(cls: type[_T]) -> type[_T]:
    """Make `cls` a frozen, keyword-only dataclass of command-line options."""
    return dataclass(frozen=True, kw_only=True)(cls)


Handler = Callable[[A, "Secrets"], int]


class Secrets(typing.Protocol):
    """Where handlers read secrets: a file descriptor given on the command line, or a prompt."""

    def read(self, fd: int | None, prompt: str) -> str: ...


@dataclass(frozen=True)
class Command(Generic[A]):
    """One subcommand: its name, help, arguments class and handler."""

    name: str
    args: type[A]
    run: Handler[A]
    help: str
    description: str | None = None

    def build(self, ns: argparse.Namespace) -> A:
        """The typed arguments from argparse's namespace (the only place that reads it)."""
        values: dict[str, object] = {}
        for f in _cli_fields(self.args):
            if not hasattr(ns, f.name):  # --data-dir given nowhere
                continue
            value = getattr(ns, f.name)
            if isinstance(value, list):
                value = tuple(value)
            values[f.name] = value
        return self.args(**values)

    def invoke(self, ns: argparse.Namespace, secrets: Secrets) -> int:
        return self.run(self.build(ns), secrets)


_REGISTRY: dict[str, Command[Any]] = {}


def command(
    name: str, args: type[A], *, help: str, description: str | None = None
) -> Callable[[Handler[A]], Handler[A]]:
    """Register `handler` as the subcommand `name` taking `args` (a class made by
    `@arguments`)."""

    def register(handler: Handler[A]) -> Handler[A]:
        if name in _REGISTRY:
            raise ValueError(f"command {name!r} registered twice")
        if not dataclasses.is_dataclass(args):
            raise TypeError(f"{args.__name__} is not an @arguments class")
        for f in dataclasses.fields(args):
            if _META not in f.metadata:
                raise TypeError(f"{args.__name__}.{f.name} is not declared with option()")
        _REGISTRY[name] = Command(name, args, handler, help, description)
        return handler

    return register


def commands() -> Mapping[str, Command[Any]]:
    return _REGISTRY


def _cli_fields(cls: type[object]) -> list[dataclasses.Field[Any]]:
    return [f for f in dataclasses.fields(cls) if _META in f.metadata]  # type: ignore[arg-type]


def _unwrap_optional(tp: Any) -> tuple[Any, bool]:
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        members = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(members) == 1 and len(typing.get_args(tp)) == 2:
            return members[0], True
        raise TypeError(f"unsupported union {tp}")
    return tp, False


def add_options(parser: argparse.ArgumentParser, cls: type[object]) -> None:
    """Add the options of arguments class `cls` to `parser`."""
    hints = typing.get_type_hints(cls)
    for f in _cli_fields(cls):
        opt: Opt = f.metadata[_META]
        tp, optional = _unwrap_optional(hints[f.name])
        required = f.default is MISSING and f.default_factory is MISSING
        kw: dict[str, Any] = {"dest": f.name, "help": opt.help}
        if f.name == "data_dir":
            # Also accepted before the command (top-level parser); present in the namespace
            # only when given, so the one given after the command wins over the one before.
            kw["default"] = argparse.SUPPRESS
        elif not required:
            kw["default"] = f.default
        origin = typing.get_origin(tp)
        if tp is bool:
            if optional or required or f.default is not False:
                raise TypeError(f"{cls.__name__}.{f.name}: a flag defaults to False")
            kw["action"] = "store_true"
        elif origin is tuple:
            item, ellipsis = typing.get_args(tp)
            if ellipsis is not Ellipsis or item is not str:
                raise TypeError(f"{cls.__name__}.{f.name}: only tuple[str, ...] repeats")
            kw.update(action="append", metavar=opt.metavar, required=required)
            kw["default"] = None if required else []
        elif origin is Literal:
            kw.update(choices=tuple(str(c) for c in typing.get_args(tp)), required=required)
        elif tp in (str, int, Path):
            kw.update(type=tp, metavar=opt.metavar, required=required)
        else:
            raise TypeError(f"{cls.__name__}.{f.name}: unsupported option type {tp}")
        parser.add_argument(*opt.flags, **kw)


def option_flags(cls: type[object]) -> list[tuple[str, Opt]]:
    """(field name, option) of every option of `cls`, for documentation checks."""
    return [(f.name, f.metadata[_META]) for f in _cli_fields(cls)]
