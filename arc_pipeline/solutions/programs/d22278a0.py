# Each coloured corner cell spreads nested square rings of its colour with one black gap between
# rings. Every cell belongs to the seed nearest to it (counting steps along rows and columns);
# cells equally near to two seeds stay black.
def solve(I):
    O = square_rings_from_seeds(I, 0, 2)
    return O
