# Keep the most frequent colour; every cell of any other colour becomes grey.
def solve(I):
    O = keep_only_color(I, most_common_color(I), 5)
    return O
