// The PDF writer of the fifteenth newspaper producer (tests/newspaper_pdfbox.py): Apache PDFBox 2.0 draws what the
// Python side laid out and broke into lines, with subset TrueType (Type0/Identity-H) fonts from TrueType collections.
// Input (stdin, UTF-8, one command a line, tab-separated, the text last):
//   META <title> | FONT <key> <file> <face> | PAGE <w> <h> | TEXT <id> <font> <size> <x> <y> <hscale%> <tc> <gray> <text>
//   LINE <x0> <y0> <x1> <y1> <width> <gray> | BOX <x> <y> <w> <h> <fillgray or -1> <strokewidth or 0>
// y is PDF's (from the page's foot). Output (stdout): "SEEN <id> <page>" for every TEXT written, then "DONE <pages>".
// Why its own writer: every other producer's PDF comes from another library; this one is PDFBox's.
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

public class NewspaperPdfbox {
    public static void main(String[] args) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        Map<String, PDType0Font> fonts = new HashMap<>();
        Map<String, TrueTypeCollection> collections = new HashMap<>();
        StringBuilder out = new StringBuilder();
        try (PDDocument doc = new PDDocument()) {
            doc.getDocumentInformation().setProducer("Apache PDFBox " + org.apache.pdfbox.util.Version.getVersion());
            PDPageContentStream cs = null;
            int pages = 0;
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isEmpty()) continue;
                String[] f = line.split("\t", -1);
                switch (f[0]) {
                    case "META":
                        doc.getDocumentInformation().setTitle(f[1]);
                        break;
                    case "FONT": {
                        TrueTypeCollection c = collections.get(f[2]);
                        if (c == null) {
                            c = new TrueTypeCollection(new File(f[2]));
                            collections.put(f[2], c);
                        }
                        TrueTypeFont ttf = c.getFontByName(f[3]);
                        if (ttf == null) throw new IllegalArgumentException("no face " + f[3] + " in " + f[2]);
                        fonts.put(f[1], PDType0Font.load(doc, ttf, true));
                        break;
                    }
                    case "PAGE": {
                        if (cs != null) cs.close();
                        PDPage page = new PDPage(new PDRectangle(Float.parseFloat(f[1]), Float.parseFloat(f[2])));
                        doc.addPage(page);
                        cs = new PDPageContentStream(doc, page);
                        pages++;
                        break;
                    }
                    case "TEXT": {
                        cs.beginText();
                        cs.setFont(fonts.get(f[2]), Float.parseFloat(f[3]));
                        cs.setHorizontalScaling(Float.parseFloat(f[6]));
                        cs.setCharacterSpacing(Float.parseFloat(f[7]));
                        cs.setNonStrokingColor(Float.parseFloat(f[8]));
                        cs.newLineAtOffset(Float.parseFloat(f[4]), Float.parseFloat(f[5]));
                        cs.showText(f[9]);
                        cs.endText();
                        out.append("SEEN\t").append(f[1]).append('\t').append(pages).append('\n');
                        break;
                    }
                    case "LINE":
                        cs.setLineWidth(Float.parseFloat(f[5]));
                        cs.setStrokingColor(Float.parseFloat(f[6]));
                        cs.moveTo(Float.parseFloat(f[1]), Float.parseFloat(f[2]));
                        cs.lineTo(Float.parseFloat(f[3]), Float.parseFloat(f[4]));
                        cs.stroke();
                        break;
                    case "BOX": {
                        float fill = Float.parseFloat(f[5]);
                        float stroke = Float.parseFloat(f[6]);
                        cs.addRect(Float.parseFloat(f[1]), Float.parseFloat(f[2]), Float.parseFloat(f[3]),
                                Float.parseFloat(f[4]));
                        if (fill >= 0) cs.setNonStrokingColor(fill);
                        if (stroke > 0) {
                            cs.setLineWidth(stroke);
                            cs.setStrokingColor(0f);
                        }
                        if (fill >= 0 && stroke > 0) cs.fillAndStroke();
                        else if (fill >= 0) cs.fill();
                        else cs.stroke();
                        cs.setNonStrokingColor(0f);
                        break;
                    }
                    default:
                        throw new IllegalArgumentException("unknown command " + f[0]);
                }
            }
            if (cs != null) cs.close();
            doc.save(new File(args[0]));
            for (TrueTypeCollection c : collections.values()) c.close();
            out.append("DONE\t").append(pages).append('\n');
        }
        System.out.print(out);
    }
}
