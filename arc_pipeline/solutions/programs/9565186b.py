# Keep the most frequent colour; every cell of any other colour becomes grey.
# colour-semantic: keep 5: every other cell becomes grey, a colour fixed by the rule
def solve(I):
    O = keep_only_color(I, most_common_color(I), 5)
    return O
