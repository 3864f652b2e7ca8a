"""Record classes that cost little to create: :func:`record`, a stand-in for
``@dataclass(frozen=True)`` used by the model and the stages a report runs through.

Creating a frozen dataclass compiles six generated methods and does a good deal of
bookkeeping (~0.5 ms a class; the model has 16), and ``import dataclasses`` brings in
:mod:`inspect` (``ast``, ``dis``, ``tokenize``): together a sixth of a small report's
start-up. :func:`record` compiles only ``__init__`` (which sets the fields with
``object.__setattr__``, as a frozen dataclass does: the instance keeps Python's compact inline
attribute values, ~100 bytes less than a materialised ``__dict__``); ``__repr__``, ``__eq__``
and ``__hash__`` are shared functions reading the class's field names, and :mod:`dataclasses`
is never imported.

What stays as with a frozen dataclass: positional and keyword construction with defaults
and default factories, ``__post_init__``, equality and hashing over the compared fields,
the ``Name(field=value, …)`` repr of the shown fields, assignment raising
:class:`FrozenInstanceError` (an ``AttributeError``), pickling, and ``__match_args__``.
:func:`replace` is ``dataclasses.replace`` for records; ``dataclasses.replace``,
``dataclasses.fields`` and (Python 3.13) ``copy.replace`` still work on them, the
``__dataclass_fields__`` they read being built from :mod:`dataclasses` on first use.
"""

from __future__ import annotations

from collections.abc import Callable
from operator import attrgetter
from typing import Any, TypeVar

T = TypeVar("T")

_set = object.__setattr__
_MISSING: Any = type("_Missing", (), {"__repr__": lambda self: "MISSING"})()


class FrozenInstanceError(AttributeError):
    """An attempt to assign to or delete a field of a record."""


class Field:
    """How one field of a record behaves (what ``dataclasses.field`` says for a dataclass)."""

    __slots__ = ("compare", "default", "default_factory", "init", "name", "repr", "type")

    def __init__(
        self,
        default: Any = _MISSING,
        default_factory: Any = _MISSING,
        init: bool = True,
        repr: bool = True,
        compare: bool = True,
    ) -> None:
        self.default, self.default_factory = default, default_factory
        self.init, self.repr, self.compare = init, repr, compare
        self.name, self.type = "", ""


def field(
    *,
    default: Any = _MISSING,
    default_factory: Callable[[], Any] | Any = _MISSING,
    init: bool = True,
    repr: bool = True,
    compare: bool = True,
) -> Any:
    """A field with settings, as ``dataclasses.field``: a default, a default factory, left
    out of ``__init__`` (set in ``__post_init__``), of the repr or of equality and hashing."""
    return Field(default, default_factory, init, repr, compare)


def _frozen_setattr(self: object, name: str, value: object) -> None:
    raise FrozenInstanceError(f"cannot assign to field {name!r}")


def _frozen_delattr(self: object, name: str) -> None:
    raise FrozenInstanceError(f"cannot delete field {name!r}")


class _DataclassFields:
    """``__dataclass_fields__`` built on first access (``dataclasses.replace``/``fields``)."""

    def __get__(self, obj: object, cls: type) -> dict[str, Any]:
        import dataclasses

        built = {}
        for f in cls.__record_fields__:
            if f.default_factory is not _MISSING:
                d = dataclasses.field(default_factory=f.default_factory)
            else:
                d = dataclasses.field(default=dataclasses.MISSING)
                d.default = dataclasses.MISSING if f.default is _MISSING else f.default
            d.init, d.repr, d.compare = f.init, f.repr, f.compare
            d.name, d.type = f.name, f.type
            d._field_type = dataclasses._FIELD  # type: ignore[attr-defined]
            built[f.name] = d
        type.__setattr__(cls, "__dataclass_fields__", built)
        return built


def _fields_of(cls: type) -> list[Field]:
    fields: list[Field] = []
    for klass in reversed(cls.__mro__[1:]):  # a base record's fields come first
        fields.extend(vars(klass).get("__record_fields__", ()))
    own = vars(cls).get("__annotations__") or getattr(cls, "__annotations__", {})
    for name, annotation in own.items():
        value = vars(cls).get(name, _MISSING)
        f = value if isinstance(value, Field) else Field(default=value)
        f.name, f.type = name, annotation
        fields = [g for g in fields if g.name != name] + [f]
        if isinstance(value, Field):
            if f.default is _MISSING:
                type.__delattr__(cls, name)
            else:
                type.__setattr__(cls, name, f.default)
    return fields


def _init_source(cls: type, fields: list[Field]) -> str:
    """``__init__`` of a record class as Python source (names ``_d_x``/``_f_x`` are the
    defaults and default factories, given to ``exec``)."""
    params, body = [], []
    for f in fields:
        value = f.name
        if f.default_factory is not _MISSING:
            value = (
                f"_f_{f.name}() if {f.name} is _MISSING else {f.name}"
                if f.init
                else f"_f_{f.name}()"
            )
        elif not f.init:
            if f.default is _MISSING:
                continue
            value = f"_d_{f.name}"
        if f.init:
            missing = f.default is _MISSING and f.default_factory is _MISSING
            default = "_MISSING" if f.default_factory is not _MISSING else f"_d_{f.name}"
            params.append(f.name if missing else f"{f.name}={default}")
        body.append(f"  _set(self, {f.name!r}, {value})")
    if hasattr(cls, "__post_init__"):
        body.append("  self.__post_init__()")
    return "\n".join([f"def __init__(self, {', '.join(params)}):", *(body or ["  pass"])])


def _repr(self: Any) -> str:
    shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__record_shown__)
    return f"{self.__class__.__qualname__}({shown})"


def _eq(self: Any, other: object) -> bool:
    if other.__class__ is self.__class__:
        return self.__record_key__(self) == self.__record_key__(other)
    return NotImplemented


def _hash(self: Any) -> int:
    return hash(self.__record_key__(self))


def record(cls: type[T] | None = None, *, frozen: bool = True, eq: bool = True) -> Any:
    """Make ``cls`` a record: ``@record`` stands for ``@dataclass(frozen=True)``;
    ``@record(frozen=False, eq=False)`` for ``@dataclass(eq=False)`` (fields may be assigned,
    instances compare by identity)."""
    if cls is None:
        return lambda klass: _make(klass, frozen, eq)
    return _make(cls, frozen, eq)


def _make(cls: type[T], frozen: bool, eq: bool) -> type[T]:
    fields = _fields_of(cls)
    names: dict[str, Any] = {"_MISSING": _MISSING, "_set": object.__setattr__}
    for f in fields:
        names[f"_d_{f.name}"] = f.default
        names[f"_f_{f.name}"] = f.default_factory
    exec(_init_source(cls, fields), names)
    init = names["__init__"]
    init.__qualname__, init.__module__ = f"{cls.__qualname__}.__init__", cls.__module__
    methods: dict[str, Any] = {
        "__init__": init,
        "__repr__": _repr,
        "__record_fields__": tuple(fields),
        "__record_shown__": tuple(f.name for f in fields if f.repr),
        "__match_args__": tuple(f.name for f in fields if f.init),
        # the fields replace() may copy without __init__: all, when __init__ only assigns them
        "__record_copyable__": None
        if hasattr(cls, "__post_init__") or not all(f.init for f in fields)
        else frozenset(f.name for f in fields),
        "__dataclass_fields__": _DataclassFields(),
        "__replace__": _replace_method,  # copy.replace() (Python 3.13), as for a dataclass
    }
    if eq:
        methods["__record_key__"] = staticmethod(_key([f.name for f in fields if f.compare]))
        methods["__eq__"] = _eq
        methods["__hash__"] = _hash if frozen else None
    if frozen:
        methods["__setattr__"], methods["__delattr__"] = _frozen_setattr, _frozen_delattr
    for name, value in methods.items():
        type.__setattr__(cls, name, value)
    return cls


def fields_of_class(cls: type[T], defaults: dict[str, Any]) -> type[T]:
    """Give a hand-written record class (one that is not made by :func:`record`, as
    :class:`lingdiff.model.Sentence`) the fields that :func:`replace`, ``dataclasses.replace``,
    ``dataclasses.fields`` and ``copy.replace`` read: ``defaults`` maps each field's name, in
    ``__init__``'s order, to its default (``MISSING`` for none); ``__init__`` takes them all."""
    made = []
    for name, default in defaults.items():
        f = Field(default=default)
        f.name, f.type = name, "Any"
        made.append(f)
    type.__setattr__(cls, "__record_fields__", tuple(made))
    type.__setattr__(cls, "__dataclass_fields__", _DataclassFields())
    type.__setattr__(cls, "__replace__", _replace_method)
    return cls


MISSING: Any = _MISSING
"""The default of a field that has none (:func:`fields_of_class`)."""


def _replace_method(self: T, /, **changes: Any) -> T:
    return replace(self, **changes)


def _key(names: list[str]) -> Callable[[object], tuple[Any, ...]]:
    """The tuple of a record's compared fields' values, as a dataclass compares them."""
    if len(names) > 1:
        return attrgetter(*names)
    get = attrgetter(*names) if names else None
    return (lambda obj: (get(obj),)) if get else (lambda obj: ())


def replace(obj: T, /, **changes: Any) -> T:
    """A copy of record ``obj`` with some fields changed (``dataclasses.replace`` for records
    and dataclasses alike)."""
    copyable = vars(type(obj)).get("__record_copyable__")
    if copyable is not None and copyable.issuperset(changes):
        # what __init__ would make of every field's value: the values, assigned (~5x faster)
        new = object.__new__(type(obj))
        for name in copyable:
            _set(new, name, changes[name] if name in changes else getattr(obj, name))
        return new
    fields = getattr(type(obj), "__record_fields__", None)
    if fields is None:
        import dataclasses

        return dataclasses.replace(obj, **changes)  # type: ignore[type-var]
    for f in fields:
        if not f.init:
            if f.name in changes:
                raise ValueError(f"field {f.name} is declared with init=False")
            continue
        if f.name not in changes:
            changes[f.name] = getattr(obj, f.name)
    return obj.__class__(**changes)
