// Which PHP thread is running here. The main thread is 1; a worker takes the id of the thread whose
// task it runs (a pooled worker runs many threads, one after another).

let tid = 1;

export function currentThreadId(): number {
  return tid;
}

export function setCurrentThreadId(id: number): void {
  tid = id;
}
