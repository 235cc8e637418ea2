# The output is the input with its upside-down mirror image stacked below it.
# orientation-semantic: only flip_horizontal: the mirror image is stacked below the input, so the top-bottom direction is part of the rule
def solve(I):
    O = mirror_down(I)
    return O
