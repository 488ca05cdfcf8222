# Prawn's side of the fourteenth newspaper producer (tests/newspaper_prawn.py): a server on stdin/stdout, one JSON
# request a line, one JSON answer a line. Python plans the paper (which story goes in which module, where a jump is
# cut); every measure and every line on the page is Prawn's: its text boxes (Prawn::Text::Formatted::Box), its line
# wrapping, its TrueType subsetting (TTFunk) and its PDF writer. Requests:
#   {"op": "init", "fonts": {name: [path, index or null]}, "fallback": [name]}
#   {"op": "height", "blocks": [...], "width": w}          -> {"h": height Prawn needs in one rectangle}
#   {"op": "fits", "blocks": [...], "rects": [[x0, y0, x1, y1]]} -> {"ok": whether Prawn pours all of it}
#   {"op": "balanced", "blocks": [...], "xs": [[x0, x1]], "limit": h} -> {"h": least column height that fits}
#   {"op": "render", "path": p, "size": [w, h], "pages": [[draw op]]} -> {"seen": {id: [pages]}, "unfinished": [..]}
# Coordinates in requests are from the page's top-left corner (y down); Prawn's are from the bottom-left.
# A block: {"id", "runs": [[text, font, size, color]], "lh", "align", "before", "after", "bg", "rule", "photo"}.
# CJK wrapping: Prawn breaks lines only at spaces, tabs, hyphens and zero-width spaces, and wraps a line by character
# only when the line holds no break at all (a Latin word or a space in the paragraph would end its line early), so a
# zero-width space is put between characters (none before closing punctuation, a simple 禁则); Prawn strips it from
# the text it draws.
require "json"
require "prawn"

NO_BREAK_BEFORE = "。，、；：！？）」』》”’…—·%"
NO_BREAK_AFTER = "（「『《“‘【"

def breakable(text)
  out = +""
  prev = nil
  text.each_char do |ch|
    if prev && !(prev.ascii_only? && ch.ascii_only?) && !NO_BREAK_BEFORE.include?(ch) &&
       !NO_BREAK_AFTER.include?(prev) && ch != " " && prev != " "
      out << "\u200B"
    end
    out << ch
    prev = ch
  end
  out
end

class Layout
  def initialize(fonts, fallback)
    @fonts = fonts
    @fallback = fallback
    @measure = new_doc([1000, 1000])
    @heights = {}
  end

  def new_doc(size)
    pdf = Prawn::Document.new(page_size: size, margin: 0, compress: true,
                              info: { Producer: "Prawn #{Prawn::VERSION}", Creator: "Prawn (tests/newspaper_prawn.rb)" })
    families = {}
    @fonts.each do |name, (path, index)|
      families[name] = { normal: index.nil? ? path : { file: path, font: index } }
    end
    pdf.font_families.update(families)
    pdf
  end

  # Prawn's fragments for a block: each run split where its face lacks a glyph (those characters in the fallback
  # face: Prawn's own fallback does this character by character on every wrap, many times slower), zero-width
  # spaces put in. Memoised: the planner measures the same paragraphs again and again.
  def fragments(block)
    @fragments ||= {}
    @fragments[block["runs"]] ||= block["runs"].flat_map do |text, font, size, color|
      text.each_char.slice_when { |a, b| face(font, a) != face(font, b) }.map do |chars|
        { text: breakable(chars.join), font: face(font, chars[0]), size: size, color: color || "111111" }
      end
    end
    @fragments[block["runs"]].map(&:dup)
  end

  def face(font, char)
    @has ||= {}
    key = [font, char]
    return @has[key] if @has.key?(key)

    present = char == " " || char == "\u3000" || @measure.find_font(font).glyph_present?(char)
    @has[key] = present ? font : @fallback[0]
  end

  # The extra space between lines that makes each line ``lh`` times the block's largest size (Prawn's line is the
  # font's height, ascender to descender plus line gap, and ``leading`` is added between lines).
  def leading(pdf, block)
    big = block["runs"].max_by { |r| r[2] }
    key = [big[1], big[2]]
    @heights[key] ||= pdf.save_font do
      pdf.font(big[1], size: big[2])
      pdf.font.height
    end
    [big[2] * block["lh"] - @heights[key], 0].max
  end

  # Pour ``blocks`` through ``rects`` one after the other (a paragraph that does not fit a rectangle goes on in the
  # next); with ``draw`` put it on ``pdf``'s current page and note, for each block id, the pages it printed on.
  # [finished?, the y where the text ends]
  def pour(pdf, blocks, rects, draw: false, page: 0, seen: nil)
    return [blocks.empty?, 0] if rects.empty?
    top = pdf.bounds.top
    ri = 0
    y = rects[0][1]
    bi = 0
    pending = nil
    while bi < blocks.size
      rect = rects[ri]
      return [false, y] if rect.nil?
      x0, y0, x1, y1 = rect
      b = blocks[bi]
      if pending.nil?
        y += b["before"] if y > y0 + 0.01
        if b["photo"]
          h = b["photo"]
          if y + h > y1
            ri += 1
            y = rects[ri][1] if rects[ri]
            next
          end
          if draw
            pdf.fill_color "9a9a9a"
            pdf.fill_rectangle [x0, top - y], x1 - x0, h
          end
          y += h + b["after"]
          bi += 1
          next
        end
      end
      frags = pending || fragments(b)
      opts = { document: pdf, at: [x0, top - y], width: x1 - x0, height: [y1 - y, 0].max, leading: leading(pdf, b),
               align: b["align"].to_sym, overflow: :truncate, kerning: false }
      box = Prawn::Text::Formatted::Box.new(frags, **opts)
      left = box.render(dry_run: true)
      printed = !box.text.strip.empty?
      if draw && printed
        if b["bg"]
          pdf.fill_color b["bg"]
          w = pdf.save_font do
            pdf.font(b["runs"][0][1], size: b["runs"][0][2])
            pdf.width_of(box.text.delete("\u200B")) + 6
          end
          pdf.fill_rectangle [x0, top - y + 1], [w, x1 - x0].min, box.height + 2
        end
        Prawn::Text::Formatted::Box.new(pending || fragments(b), **opts).render
        if b["rule"]
          pdf.stroke_color b["rule"]
          pdf.line_width 0.8
          pdf.stroke_horizontal_line x0, x1, at: top - y - box.height - 1
        end
      end
      (seen[b["id"]] ||= []) << page if draw && printed && b["id"] && !(seen[b["id"]] || []).include?(page)
      if left.empty?
        y += box.height + b["after"] + (b["rule"] ? 2 : 0)
        bi += 1
        pending = nil
      else
        pending = left
        ri += 1
        y = rects[ri][1] if rects[ri]
      end
    end
    [true, y]
  end

  def height(blocks, width)
    return 0 if blocks.empty?
    ok, y = pour(@measure, blocks, [[0, 0, width, 100_000]])
    ok ? y : 100_000
  end

  def fits(blocks, rects)
    pour(@measure, blocks, rects)[0]
  end

  def balanced(blocks, xs, limit)
    return 0 if blocks.empty?
    ok = ->(h) { fits(blocks, xs.map { |x0, x1| [x0, 0, x1, h] }) }
    return limit + 1 unless ok.call(limit)
    # no column can be shorter than its share of the text set in one column, less a line or two
    lo = [height(blocks, xs[0][1] - xs[0][0]) / xs.size - 3 * blocks[0]["runs"].map { |r| r[2] }.max.to_f, 0].max
    lo = 0.0 if lo >= limit || ok.call(lo)
    hi = limit
    while hi - lo > 1.0
      mid = (lo + hi) / 2
      if ok.call(mid) then hi = mid else lo = mid end
    end
    hi
  end

  def render(path, size, pages)
    pdf = new_doc(size)
    seen = {}
    unfinished = []
    top = size[1]
    pages.each_with_index do |ops, n|
      pdf.start_new_page if n.positive?
      ops.each do |op|
        case op["op"]
        when "fill"
          x0, y0, x1, y1 = op["rect"]
          pdf.fill_color op["color"]
          pdf.fill_rectangle [x0, top - y0], x1 - x0, y1 - y0
        when "frame"
          x0, y0, x1, y1 = op["rect"]
          pdf.stroke_color op["color"]
          pdf.line_width op["width"]
          pdf.stroke_rectangle [x0, top - y0], x1 - x0, y1 - y0
        when "line"
          x0, y0, x1, y1 = op["xy"]
          pdf.stroke_color op["color"] || "333333"
          pdf.line_width op["width"]
          pdf.stroke_line [x0, top - y0], [x1, top - y1]
        when "flow"
          ok, = pour(pdf, op["blocks"], op["rects"], draw: true, page: n + 1, seen: seen)
          unfinished << op["name"] unless ok
        end
      end
    end
    pdf.render_file(path)
    { seen: seen, unfinished: unfinished }
  end
end

layout = nil
$stdout.sync = true
$stdin.each_line do |line|
  req = JSON.parse(line)
  answer =
    case req["op"]
    when "init"
      layout = Layout.new(req["fonts"], req["fallback"])
      { ok: true, version: Prawn::VERSION }
    when "height" then { h: layout.height(req["blocks"], req["width"]) }
    when "fits" then { ok: layout.fits(req["blocks"], req["rects"]) }
    when "balanced" then { h: layout.balanced(req["blocks"], req["xs"], req["limit"]) }
    when "render" then layout.render(req["path"], req["size"], req["pages"])
    else { error: "unknown op #{req['op']}" }
    end
  puts JSON.generate(answer)
end
