"""A pure-Python stand-in for rpds-py's persistent collections, for a browser that has no rpds-py wheel.

``innerwork build`` packs this as the wheel ``rpds_py-<version>+pure`` in a static workshop site, where
jsonschema and referencing need ``HashTrieMap``, ``HashTrieSet`` and ``List``. Each change returns a
new collection (copy on write: fine for the few dozen schemas innerwork registers); the original is
never changed. Not used outside the browser.
"""

from collections.abc import Mapping

__all__ = ["HashTrieMap", "HashTrieSet", "List", "Queue"]


class HashTrieMap(Mapping):
    __slots__ = ("_data",)

    def __init__(self, value=(), **kwds):
        self._data = dict(value)
        self._data.update(kwds)

    @classmethod
    def convert(cls, value):
        return value if isinstance(value, HashTrieMap) else cls(value)

    @classmethod
    def fromkeys(cls, keys, value=None):
        return cls(dict.fromkeys(keys, value))

    def _with(self, data):
        new = HashTrieMap.__new__(HashTrieMap)
        new._data = data
        return new

    def __getitem__(self, key):
        return self._data[key]

    def __iter__(self):
        return iter(self._data)

    def __len__(self):
        return len(self._data)

    def __contains__(self, key):
        return key in self._data

    def __eq__(self, other):
        return isinstance(other, Mapping) and dict(self._data.items()) == dict(other.items())

    def __hash__(self):
        return hash(frozenset(self._data.items()))

    def __repr__(self):
        return f"HashTrieMap({self._data!r})"

    def __reduce__(self):
        return HashTrieMap, (self._data,)

    def keys(self):
        return self._data.keys()

    def values(self):
        return self._data.values()

    def items(self):
        return self._data.items()

    def insert(self, key, val):
        data = dict(self._data)
        data[key] = val
        return self._with(data)

    def remove(self, key):
        if key not in self._data:
            raise KeyError(key)
        return self.discard(key)

    def discard(self, key):
        data = dict(self._data)
        data.pop(key, None)
        return self._with(data)

    def update(self, *args):
        data = dict(self._data)
        for each in args:
            data.update(each)
        return self._with(data)


class HashTrieSet(frozenset):
    def __new__(cls, value=()):
        return super().__new__(cls, value)

    def __init__(self, value=()):
        pass

    def __repr__(self):
        return f"HashTrieSet({set(self)!r})"

    def insert(self, value):
        return HashTrieSet((*self, value))

    def discard(self, value):
        return HashTrieSet(v for v in self if v != value)

    def remove(self, value):
        if value not in self:
            raise KeyError(value)
        return self.discard(value)

    def update(self, *args):
        return HashTrieSet(frozenset(self).union(*args))

    def union(self, *args):
        return self.update(*args)

    def intersection(self, *args):
        return HashTrieSet(frozenset(self).intersection(*args))

    def difference(self, *args):
        return HashTrieSet(frozenset(self).difference(*args))

    def symmetric_difference(self, other):
        return HashTrieSet(frozenset(self).symmetric_difference(other))

    __or__ = union
    __and__ = intersection
    __sub__ = difference
    __xor__ = symmetric_difference


class _Sequence:
    """A tuple underneath: what List and Queue share."""

    __slots__ = ("_items",)

    def __init__(self, value=(), *more):
        self._items = (*value, *more) if more else tuple(value)

    def _with(self, items):
        new = type(self).__new__(type(self))
        new._items = items
        return new

    def __iter__(self):
        return iter(self._items)

    def __len__(self):
        return len(self._items)

    def __eq__(self, other):
        return type(other) is type(self) and self._items == other._items

    def __hash__(self):
        return hash(self._items)

    def __repr__(self):
        return f"{type(self).__name__}({list(self._items)!r})"


class List(_Sequence):
    __slots__ = ()

    def __reversed__(self):
        return reversed(self._items)

    def __lt__(self, other):
        return self._items < other._items

    @property
    def first(self):
        if not self._items:
            raise IndexError("empty list has no first element")
        return self._items[0]

    @property
    def rest(self):
        return self._with(self._items[1:])

    def push_front(self, value):
        return self._with((value, *self._items))

    def drop_first(self):
        if not self._items:
            raise IndexError("empty list has no first element")
        return self._with(self._items[1:])


class Queue(_Sequence):
    __slots__ = ()

    @property
    def is_empty(self):
        return not self._items

    @property
    def peek(self):
        if not self._items:
            raise IndexError("peeked an empty queue")
        return self._items[0]

    def enqueue(self, value):
        return self._with((*self._items, value))

    def dequeue(self):
        if not self._items:
            raise IndexError("dequeued an empty queue")
        return self._with(self._items[1:])
