// Drives the official axis SDK (SDKVXP 2.0.1, com.vpcp.services) against a hub, as an agency system built on it does.
// Compiled and run by src/axis-sdk.java.test.ts (javac, the jars of ../shared/peers/axis-sdk on the classpath): one JVM
// per scenario group, its default time zone set by -Duser.timezone. Each step prints one JSON line on stdout:
// {"step": ..., "isNull": bool, "status", "errorCode", "errorDesc", ...}. A new service object per call, as the SDK
// stamps its timestamp (and keeps its parameters) once per object.
import com.google.gson.JsonObject;
import com.vpcp.services.KnobstickServiceImp;
import com.vpcp.services.VnptProperties;
import com.vpcp.services.model.BasicResult;
import com.vpcp.services.model.CountReceiveEdoc;
import com.vpcp.services.model.GetEdocResult;
import com.vpcp.services.model.GetReceivedEdocResult;
import com.vpcp.services.model.GetSendEdocResult;
import com.vpcp.services.model.Knobstick;
import com.vpcp.services.model.SendEdocResult;
import com.vpcp.services.model.StatusResult;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

public final class AxisSdkHarness {
  private static PrintStream out;
  private static String endpoint;
  private static String storeDir;

  private static KnobstickServiceImp service(String systemId, String secret) throws Exception {
    return new KnobstickServiceImp(new VnptProperties(endpoint, systemId, secret, storeDir, 2, 3));
  }

  private static JsonObject line(String step, BasicResult r) {
    JsonObject o = new JsonObject();
    o.addProperty("step", step);
    o.addProperty("isNull", r == null);
    if (r != null) {
      o.addProperty("status", r.getStatus());
      o.addProperty("errorCode", r.getErrorCode());
      o.addProperty("errorDesc", r.getErrorDesc());
    }
    return o;
  }

  private static void print(JsonObject o) {
    out.println(o.toString());
    out.flush();
  }

  private static JsonObject params(String... kv) {
    JsonObject o = new JsonObject();
    for (int i = 0; i < kv.length; i += 2) o.addProperty(kv[i], kv[i + 1]);
    return o;
  }

  private static SendEdocResult send(String step, String system, String secret, String from, String type, String file) throws Exception {
    SendEdocResult r = service(system, secret).sendEdoc(params("from", from, "servicetype", "eDoc", "messagetype", type).toString(), file);
    JsonObject o = line(step, r);
    if (r != null) o.addProperty("docId", r.getDocID());
    print(o);
    return r;
  }

  private static List<String> list(String step, String system, String secret, String type) throws Exception {
    GetReceivedEdocResult r = service(system, secret).getReceivedEdocList(params("servicetype", "eDoc", "messagetype", type).toString());
    JsonObject o = line(step, r);
    List<String> ids = new ArrayList<>();
    StringBuilder joined = new StringBuilder();
    if (r != null && r.getKnobsticks() != null) {
      for (Knobstick k : r.getKnobsticks()) {
        ids.add(k.getId());
        joined.append(joined.length() == 0 ? "" : ",").append(k.getId()).append('>').append(k.getTo()).append('/').append(k.getStatus());
      }
    }
    o.addProperty("items", joined.toString());
    print(o);
    return ids;
  }

  private static void fetch(String step, String system, String secret, String docId) throws Exception {
    GetEdocResult r = service(system, secret).getEdoc(params("docId", docId, "filePath", storeDir).toString());
    JsonObject o = line(step, r);
    if (r != null) o.addProperty("filePath", r.getFilePath());
    print(o);
  }

  private static void count(String step, String system, String secret) throws Exception {
    CountReceiveEdoc r = service(system, secret).countReceiveEdoc("{}");
    JsonObject o = line(step, r);
    if (r != null) o.addProperty("count", r.getCount());
    print(o);
  }

  private static void done(String step, String system, String secret, String docId, String status) throws Exception {
    print(line(step, service(system, secret).updateStatus(params("docId", docId, "status", status).toString())));
  }

  private static void sent(String step, String system, String secret, String docId) throws Exception {
    GetSendEdocResult r = service(system, secret).getSentEdocList(params("servicetype", "eDoc", "messagetype", "edoc", "docId", docId).toString());
    JsonObject o = line(step, r);
    StringBuilder joined = new StringBuilder();
    if (r != null && r.getStatusResult() != null) {
      for (StatusResult s : r.getStatusResult()) {
        joined.append(joined.length() == 0 ? "" : ",").append(s.getToCode()).append('/').append(s.getReceiveStatus());
      }
    }
    o.addProperty("items", joined.toString());
    print(o);
  }

  /**
   * args: endpoint storeDir scenario …; scenario "roundtrip" senderSystem senderSecret senderAgency receiverSystem
   * receiverSecret receiverAgency documentFile statusFile; scenario "refusals" system secret agency badDocumentFile.
   */
  public static void main(String[] args) throws Exception {
    // The SDK prints its own diagnostics on System.out: keep ours on a separate stream (stderr is the SDK's noise).
    out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8.name());
    System.setOut(System.err);
    endpoint = args[0];
    storeDir = args[1];
    JsonObject start = new JsonObject();
    start.addProperty("step", "start");
    start.addProperty("timeZone", java.util.TimeZone.getDefault().getID());
    print(start);
    if (args[2].equals("roundtrip")) {
      String sSys = args[3], sSec = args[4], sAg = args[5], rSys = args[6], rSec = args[7], rAg = args[8], doc = args[9], status = args[10];
      SendEdocResult sentDoc = send("send", sSys, sSec, sAg, "edoc", doc);
      String docId = sentDoc == null ? "" : sentDoc.getDocID();
      list("list", rSys, rSec, "edoc");
      count("count", rSys, rSec);
      fetch("fetch", rSys, rSec, docId);
      done("done", rSys, rSec, docId, "done");
      count("countAfter", rSys, rSec);
      SendEdocResult st = send("sendStatus", rSys, rSec, rAg, "status", status);
      List<String> statuses = list("listStatus", sSys, sSec, "status");
      if (st != null && statuses.contains(st.getDocID())) {
        fetch("fetchStatus", sSys, sSec, st.getDocID());
        done("doneStatus", sSys, sSec, st.getDocID(), "done");
      }
      sent("sent", sSys, sSec, docId);
    } else if (args[2].equals("refusals")) {
      String sys = args[3], sec = args[4], ag = args[5], bad = args[6];
      list("wrongSecret", sys, sec + "-wrong", "edoc");
      list("unknownSystem", "no.such.system", sec, "edoc");
      count("countFail", sys, sec + "-wrong");
      send("sendFail", sys, sec, ag, "edoc", bad);
      fetch("fetchFail", sys, sec, "ffffffffffffffffffffffff");
      done("doneFail", sys, sec, "ffffffffffffffffffffffff", "done");
    }
  }
}
