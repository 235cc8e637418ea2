# The output is the input with its upside-down mirror image stacked below it.
def solve(I):
    O = mirror_down(I)
    return O
