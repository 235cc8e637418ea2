# A separator line splits the grid into two halves; output azure where both halves are black,
# black elsewhere.
# colour-semantic: keep 0,8: black cells of the halves are the empty ones, and the output marks them azure
def solve(I):
    tall = greater_than(height(I), width(I))
    G = if_else(tall, transpose(I), I)
    halves = split_columns(G, 2)
    both = combine_nor(first(halves), last(halves), 8)
    O = if_else(tall, transpose(both), both)
    return O
