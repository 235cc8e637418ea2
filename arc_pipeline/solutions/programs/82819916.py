# One row shows a complete two-colour sequence. Every other row starts that sequence in its own colours;
# complete it by continuing the full row's pattern with each colour replaced by its counterpart.
def solve(I):
    nonzero_count = fix_second(count_if, fix_first(not_equal, 0))
    template = max_by(I, nonzero_count)
    known_pairs = chain(fix_first(zip_items, template), fix_second(drop_if, chain(last, fix_first(equals, 0))))
    recolor_template = chain(known_pairs, chain(fix_first(map_colors, (template,)), first))
    has_content = chain(nonzero_count, fix_second(greater_than, 0))
    O = map_items(apply_if(has_content, recolor_template), I)
    return O
