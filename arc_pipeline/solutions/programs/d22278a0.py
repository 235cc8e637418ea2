# Each coloured corner cell spreads nested square rings of its colour with one background gap between
# rings. Every cell belongs to the seed nearest to it (counting steps along rows and columns);
# cells equally near to two seeds stay background.
def solve(I):
    bg = most_common_color(I)
    O = square_rings_from_seeds(I, bg, 2)
    return O
