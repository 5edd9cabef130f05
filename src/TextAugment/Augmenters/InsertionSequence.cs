using System.Buffers;
using TextAugment.Text;

namespace TextAugment.Augmenters;

/// <summary>
/// The tokens of a sentence while words are inserted into it one by one at random word boundaries: a treap ordered by
/// position that counts the tokens and the boundaries under each node, so that finding the k-th boundary, reading the
/// token at a position, inserting a token and re-marking a boundary each take O(log n) expected steps. Random
/// insertion with EDA's α inserts a number of words proportional to the sentence's length; inserting them into a flat
/// list would shift the tail each time (quadratic). Arrays come from <see cref="ArrayPool{T}"/> and go back on
/// <see cref="Dispose"/>. The treap's balance uses a hash of the node's number, never the augmentation's random stream.
/// </summary>
internal sealed class InsertionSequence : IDisposable
{
    private const int None = -1;
    private readonly Token[] _token;
    private readonly int[] _left, _right, _size, _boundaries;
    private readonly bool[] _isBoundary;
    private int _count, _root = None;

    /// <summary>
    /// Holds the tokens of <paramref name="tokens"/>, those marked in <paramref name="isBoundary"/> as boundaries, with
    /// room for <paramref name="extra"/> more.
    /// </summary>
    public InsertionSequence(ReadOnlySpan<Token> tokens, ReadOnlySpan<bool> isBoundary, int extra)
    {
        int capacity = tokens.Length + extra;
        _token = ArrayPool<Token>.Shared.Rent(capacity);
        _left = ArrayPool<int>.Shared.Rent(capacity);
        _right = ArrayPool<int>.Shared.Rent(capacity);
        _size = ArrayPool<int>.Shared.Rent(capacity);
        _boundaries = ArrayPool<int>.Shared.Rent(capacity);
        _isBoundary = ArrayPool<bool>.Shared.Rent(capacity);

        // The Cartesian tree of the tokens in order (a stack of the right spine): O(n).
        Span<int> spine = tokens.Length <= 256 ? stackalloc int[tokens.Length] : new int[tokens.Length];
        int depth = 0;
        for (int i = 0; i < tokens.Length; i++)
        {
            int node = NewNode(tokens[i], isBoundary[i]);
            int last = None;
            while (depth > 0 && Priority(spine[depth - 1]) < Priority(node))
            {
                last = spine[--depth];
            }

            _left[node] = last;
            if (depth > 0)
            {
                _right[spine[depth - 1]] = node;
            }

            spine[depth++] = node;
        }

        _root = depth > 0 ? spine[0] : None;
        Summarize(_root);
    }

    /// <summary>Number of tokens.</summary>
    public int Count => Size(_root);

    /// <summary>Number of word boundaries.</summary>
    public int BoundaryCount => _root == None ? 0 : _boundaries[_root];

    /// <summary>The position of the <paramref name="k"/>-th boundary (from 0).</summary>
    public int PositionOfBoundary(int k)
    {
        int node = _root, position = 0;
        while (true)
        {
            int before = Boundaries(_left[node]);
            if (k < before)
            {
                node = _left[node];
                continue;
            }

            k -= before;
            if (_isBoundary[node])
            {
                if (k == 0)
                {
                    return position + Size(_left[node]);
                }

                k--;
            }

            position += Size(_left[node]) + 1;
            node = _right[node];
        }
    }

    /// <summary>The token at <paramref name="position"/>.</summary>
    public Token this[int position] => _token[NodeAt(position)];

    /// <summary>Inserts <paramref name="token"/> before <paramref name="position"/> (<see cref="Count"/> appends).</summary>
    public void Insert(int position, Token token)
    {
        (int left, int right) = Split(_root, position);
        _root = Merge(Merge(left, NewNode(token, false)), right);
    }

    /// <summary>Marks whether the token at <paramref name="position"/> is a word boundary.</summary>
    public void SetBoundary(int position, bool value)
    {
        // Down to the node, then the counts back up the path.
        Span<int> path = stackalloc int[128];
        int depth = 0, node = _root;
        while (true)
        {
            if (depth == path.Length)
            {
                Span<int> longer = new int[path.Length * 2];
                path.CopyTo(longer);
                path = longer;
            }

            path[depth++] = node;
            int before = Size(_left[node]);
            if (position < before)
            {
                node = _left[node];
            }
            else if (position == before)
            {
                break;
            }
            else
            {
                position -= before + 1;
                node = _right[node];
            }
        }

        _isBoundary[node] = value;
        while (depth > 0)
        {
            Update(path[--depth]);
        }
    }

    /// <summary>Writes the tokens in order into <paramref name="tokens"/> (cleared first).</summary>
    public void CopyTo(TokenList tokens)
    {
        tokens.Clear();
        Span<int> stack = stackalloc int[128];
        int depth = 0, node = _root;
        while (node != None || depth > 0)
        {
            while (node != None)
            {
                if (depth == stack.Length)
                {
                    Span<int> longer = new int[stack.Length * 2];
                    stack.CopyTo(longer);
                    stack = longer;
                }

                stack[depth++] = node;
                node = _left[node];
            }

            node = stack[--depth];
            tokens.Add(_token[node]);
            node = _right[node];
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        ArrayPool<Token>.Shared.Return(_token, clearArray: true);
        ArrayPool<int>.Shared.Return(_left);
        ArrayPool<int>.Shared.Return(_right);
        ArrayPool<int>.Shared.Return(_size);
        ArrayPool<int>.Shared.Return(_boundaries);
        ArrayPool<bool>.Shared.Return(_isBoundary);
    }

    private int NewNode(Token token, bool isBoundary)
    {
        int node = _count++;
        _token[node] = token;
        _isBoundary[node] = isBoundary;
        _left[node] = _right[node] = None;
        _size[node] = 1;
        _boundaries[node] = isBoundary ? 1 : 0;
        return node;
    }

    // SplitMix64's finaliser of the node's number: a fixed, well-spread priority.
    private static ulong Priority(int node)
    {
        ulong z = (ulong)node + 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private int Size(int node) => node == None ? 0 : _size[node];

    private int Boundaries(int node) => node == None ? 0 : _boundaries[node];

    private void Update(int node)
    {
        _size[node] = 1 + Size(_left[node]) + Size(_right[node]);
        _boundaries[node] = (_isBoundary[node] ? 1 : 0) + Boundaries(_left[node]) + Boundaries(_right[node]);
    }

    // Post-order over the freshly built tree, without recursion (a sentence may hold a million tokens).
    private void Summarize(int root)
    {
        if (root == None)
        {
            return;
        }

        var stack = new Stack<(int Node, bool Children)>();
        stack.Push((root, false));
        while (stack.Count > 0)
        {
            (int node, bool children) = stack.Pop();
            if (children)
            {
                Update(node);
                continue;
            }

            stack.Push((node, true));
            if (_left[node] != None)
            {
                stack.Push((_left[node], false));
            }

            if (_right[node] != None)
            {
                stack.Push((_right[node], false));
            }
        }
    }

    private int NodeAt(int position)
    {
        int node = _root;
        while (true)
        {
            int before = Size(_left[node]);
            if (position < before)
            {
                node = _left[node];
            }
            else if (position == before)
            {
                return node;
            }
            else
            {
                position -= before + 1;
                node = _right[node];
            }
        }
    }

    // The first `count` tokens of the tree and the rest (expected depth O(log n), so recursion is safe).
    private (int Left, int Right) Split(int node, int count)
    {
        if (node == None)
        {
            return (None, None);
        }

        if (Size(_left[node]) < count)
        {
            (int left, int right) = Split(_right[node], count - Size(_left[node]) - 1);
            _right[node] = left;
            Update(node);
            return (node, right);
        }
        else
        {
            (int left, int right) = Split(_left[node], count);
            _left[node] = right;
            Update(node);
            return (left, node);
        }
    }

    private int Merge(int left, int right)
    {
        if (left == None)
        {
            return right;
        }

        if (right == None)
        {
            return left;
        }

        if (Priority(left) > Priority(right))
        {
            _right[left] = Merge(_right[left], right);
            Update(left);
            return left;
        }

        _left[right] = Merge(left, _left[right]);
        Update(right);
        return right;
    }
}
