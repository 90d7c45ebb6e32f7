/** Small diagrams written in tests: one executable process around the given flow elements. */
export function bpmn(id: string, body: string, name = id): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="defs-${id}" targetNamespace="http://zhifa.local/test">
  <process id="${id}" name="${name}" isExecutable="true">${body}</process>
</definitions>`;
}

/** start → script task (trusted or not) → user task `after` → end. */
export function scriptTaskDiagram(id: string, script: string, language = 'javascript'): string {
  return bpmn(id, `<startEvent id="start"/><sequenceFlow id="f1" sourceRef="start" targetRef="run"/>
    <scriptTask id="run" name="运行脚本" scriptFormat="${language}"><script><![CDATA[${script}]]></script></scriptTask>
    <sequenceFlow id="f2" sourceRef="run" targetRef="after"/><userTask id="after" name="之后"/>
    <sequenceFlow id="f3" sourceRef="after" targetRef="end"/><endEvent id="end"/>`);
}

/** A chain of `n` plain tasks with no wait state between start and end. */
export function linearDiagram(id: string, n: number): string {
  let body = '<startEvent id="start"/><sequenceFlow id="f0" sourceRef="start" targetRef="t0"/>';
  for (let i = 0; i < n; i++) body += `<task id="t${i}"/><sequenceFlow id="f${i + 1}" sourceRef="t${i}" targetRef="${i + 1 < n ? `t${i + 1}` : 'end'}"/>`;
  return bpmn(id, `${body}<endEvent id="end"/>`);
}

/** Sub-processes nested `depth` deep (as tersely as BPMN allows, so 30,000 fit in the body limit), the innermost holding one user task. */
export function nestedDiagram(id: string, depth: number): string {
  return bpmn(id, `${Array.from({ length: depth }, (_, i) => `<subProcess id="s${i}">`).join('')}<userTask id="inner"/>${'</subProcess>'.repeat(depth)}`);
}
