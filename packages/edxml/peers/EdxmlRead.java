// Test harness (not shipped): reads edXML packages with the axis's own EdXML102 library and prints, one JSON line per
// file, every value the library extracts (all public getters of its model, walked by reflection; attachment files as
// size + SHA-256). Used by src/axis-java.test.ts to compare an original package with our rebuilt one.
import java.io.File;
import java.io.FileInputStream;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.text.SimpleDateFormat;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.TimeZone;

public final class EdxmlRead {
  private static final SimpleDateFormat ISO = new SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'");
  static {
    ISO.setTimeZone(TimeZone.getTimeZone("UTC"));
  }

  public static void main(String[] args) throws Exception {
    StringBuilder out = new StringBuilder();
    for (String path : args) {
      StringBuilder line = new StringBuilder("{\"file\":");
      str(line, new File(path).getName());
      try {
        byte[] bytes = Files.readAllBytes(new File(path).toPath());
        boolean status = new String(bytes, "UTF-8").contains("StatusCode>");
        Object value;
        try (InputStream in = new FileInputStream(path)) {
          value = status ? com.vnpt.xml.status.parser.StatusXmlParser.parse(in)
              : com.vnpt.xml.ed.parser.EdXmlParser.getInstance().parse(in);
        }
        line.append(",\"value\":");
        json(line, value, 0);
      } catch (Throwable t) {
        line.append(",\"error\":");
        StringBuilder msg = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) msg.append(c.getClass().getSimpleName()).append(": ").append(c.getMessage()).append(" / ");
        str(line, msg.toString());
      }
      out.append(line).append("}\n");
    }
    System.out.print(out);
    System.out.flush();
  }

  private static void json(StringBuilder b, Object v, int depth) throws Exception {
    if (v == null) { b.append("null"); return; }
    if (depth > 14) { b.append("\"…\""); return; }
    if (v instanceof String) { str(b, (String) v); return; }
    if (v instanceof Number || v instanceof Boolean) { b.append(v); return; }
    if (v instanceof Date) { str(b, ISO.format((Date) v)); return; }
    if (v instanceof File) {
      File f = (File) v;
      if (!f.isFile()) { b.append("{\"file\":\"missing\"}"); return; }
      byte[] data = Files.readAllBytes(f.toPath());
      StringBuilder hex = new StringBuilder();
      for (byte x : MessageDigest.getInstance("SHA-256").digest(data)) hex.append(String.format("%02x", x));
      b.append("{\"size\":").append(data.length).append(",\"sha256\":\"").append(hex).append("\"}");
      return;
    }
    if (v instanceof Collection) {
      b.append('[');
      boolean first = true;
      for (Object o : (Collection<?>) v) {
        if (!first) b.append(',');
        first = false;
        json(b, o, depth + 1);
      }
      b.append(']');
      return;
    }
    if (v instanceof Enum) { str(b, ((Enum<?>) v).name()); return; }
    if (!v.getClass().getName().startsWith("com.vnpt.")) { str(b, String.valueOf(v)); return; }
    Method[] methods = v.getClass().getMethods();
    Arrays.sort(methods, Comparator.comparing(Method::getName));
    b.append('{');
    boolean first = true;
    for (Method m : methods) {
      String n = m.getName();
      if (m.getParameterCount() != 0 || Modifier.isStatic(m.getModifiers())) continue;
      if (!(n.startsWith("get") || n.startsWith("is")) || n.equals("getClass") || n.equals("getInputStream")) continue;
      Object r;
      try {
        r = m.invoke(v);
      } catch (Throwable t) {
        Throwable c = t.getCause() != null ? t.getCause() : t;
        r = "!" + c.getClass().getSimpleName();
      }
      if (!first) b.append(',');
      first = false;
      str(b, n);
      b.append(':');
      json(b, r, depth + 1);
    }
    b.append('}');
  }

  private static void str(StringBuilder b, String s) {
    b.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') b.append('\\').append(c);
      else if (c < 0x20 || c > 0x7e) b.append(String.format("\\u%04x", (int) c));
      else b.append(c);
    }
    b.append('"');
  }
}
