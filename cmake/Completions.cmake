# Run at build time (src/CMakeLists.txt): writes the shells' completion scripts by asking the
# built binary, so that they come from the command tree and nothing is downloaded.
# Usage: cmake -DBILAN=path/to/bilan -DOUT=dir -P Completions.cmake
foreach(shell bash zsh)
  if(shell STREQUAL "bash")
    set(file "${OUT}/bilan")
  else()
    set(file "${OUT}/_bilan")
  endif()
  execute_process(COMMAND "${BILAN}" completion ${shell} OUTPUT_FILE "${file}"
                  RESULT_VARIABLE status)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "bilan completion ${shell} failed (${status})")
  endif()
endforeach()
