# The picture is symmetric left-right and top-bottom, but some patches are covered with yellow.
# Replace the covered cells with the colours seen at their mirror positions.
def solve(I):
    holes = replace_color(I, 4, 0)
    mended_lr = overlay(flip_horizontal(holes), holes, 0)
    O = overlay(flip_vertical(mended_lr), mended_lr, 0)
    return O
