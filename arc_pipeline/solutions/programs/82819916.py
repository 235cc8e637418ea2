# One row shows a complete two-colour sequence. Every other row starts that sequence in its own colours;
# complete it by continuing the full row's pattern with each colour replaced by its counterpart.
# orientation-semantic: only rotate_180,flip_horizontal,flip_vertical: each sequence runs along a row
def solve(I):
    bg = most_common_color(I)
    nonzero_count = fix_second(count_if, fix_first(not_equal, bg))
    template = max_by(I, nonzero_count)
    known_pairs = chain(fix_first(zip_items, template), fix_second(drop_if, chain(last, fix_first(equals, bg))))
    recolor_template = chain(known_pairs, chain(fix_first(map_colors, (template,)), first))
    has_content = chain(nonzero_count, fix_second(greater_than, 0))
    O = map_items(apply_if(has_content, recolor_template), I)
    return O
