using System.Diagnostics.CodeAnalysis;
using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace TextAugment.Text;

/// <summary>
/// A thread-safe map from a word form (its characters, compared ordinally) to a value, keeping at most
/// <see cref="Limit"/> forms: the per-word caches of the substitution sources (a dictionary's synonyms, the synonyms a
/// stage may use, a word's lemmas with antonyms), filled as words come, and the word lists a protection looks every word
/// up in, filled once. Random insertion and synonym replacement look a word up on every draw and a protection on every
/// word of every text, so a lookup is the hot path: it takes no lock and allocates nothing (open addressing with linear
/// probing over slots that hold the key, the value and the key's hash; the hash is XxHash3 of the characters, from
/// System.IO.Hashing). Adding takes a lock; a table that grows is copied and published whole, so a reader sees either table.
/// </summary>
/// <typeparam name="TValue">The value, written before its key is published.</typeparam>
internal sealed class WordMap<TValue>
{
    private readonly Lock _gate = new();
    private volatile Table _table = new(16);

    /// <summary>A map that keeps at most <paramref name="limit"/> word forms (default: 2^20); a cache computes later ones each time.</summary>
    public WordMap(int limit = 1 << 20)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        Limit = limit;
    }

    /// <summary>The most word forms kept.</summary>
    public int Limit { get; }

    /// <summary>The number of word forms kept.</summary>
    public int Count => _table.Count;

    /// <summary>The value kept for <paramref name="word"/>, if any.</summary>
    public bool TryGetValue(ReadOnlySpan<char> word, [MaybeNullWhen(false)] out TValue value)
    {
        Table table = _table;
        int index = table.Find(word, Hash(word));
        value = index >= 0 ? table.Slots[index].Value : default;
        return index >= 0;
    }

    /// <summary>
    /// Keeps <paramref name="value"/> for <paramref name="word"/> unless a value is kept for it already (another thread
    /// computed it first) or <see cref="Limit"/> forms are kept; returns the kept value, or <paramref name="value"/>.
    /// </summary>
    public TValue GetOrAdd(ReadOnlySpan<char> word, TValue value)
    {
        if (value is null)
        {
            throw new ArgumentNullException(nameof(value));
        }

        int hash = Hash(word);
        lock (_gate)
        {
            Table table = _table;
            int index = table.Find(word, hash);
            if (index >= 0)
            {
                return table.Slots[index].Value!;
            }

            if (table.Count >= Limit)
            {
                return value;
            }

            if (2 * (table.Count + 1) > table.Slots.Length)
            {
                table = table.Grown();
                table.Add(word.ToString(), value, hash);
                _table = table;
            }
            else
            {
                table.Add(word.ToString(), value, hash);
            }

            return value;
        }
    }

    private static int Hash(ReadOnlySpan<char> word) => (int)XxHash3.HashToUInt64(MemoryMarshal.AsBytes(word));

    private struct Slot
    {
        public string? Key; // null: empty; published last (Volatile.Write), so a reader that sees it sees Value and Hash
        public TValue? Value;
        public int Hash;
    }

    private sealed class Table(int capacity)
    {
        public readonly Slot[] Slots = new Slot[capacity]; // a power of two, at most half full
        public int Count;

        public int Find(ReadOnlySpan<char> word, int hash)
        {
            Slot[] slots = Slots;
            int mask = slots.Length - 1;
            for (int i = hash & mask; ; i = (i + 1) & mask)
            {
                string? key = Volatile.Read(ref slots[i].Key);
                if (key is null)
                {
                    return -1;
                }

                if (slots[i].Hash == hash && word.SequenceEqual(key))
                {
                    return i;
                }
            }
        }

        /// <summary>Adds a key that is not in the table; the caller holds the lock and has made room.</summary>
        public void Add(string key, TValue value, int hash)
        {
            Slot[] slots = Slots;
            int mask = slots.Length - 1;
            int i = hash & mask;
            while (slots[i].Key is not null)
            {
                i = (i + 1) & mask;
            }

            slots[i].Value = value;
            slots[i].Hash = hash;
            Volatile.Write(ref slots[i].Key, key);
            Count++;
        }

        public Table Grown()
        {
            var grown = new Table(2 * Slots.Length);
            foreach (ref readonly Slot slot in Slots.AsSpan())
            {
                if (slot.Key is not null)
                {
                    grown.Add(slot.Key, slot.Value!, slot.Hash);
                }
            }

            return grown;
        }
    }
}
