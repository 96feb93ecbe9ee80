"""Exchange with other copies and other tools: REFI-QDA files, merging, agreement.

Readers (`qdpx_import`, `qdc`, `annotator_file`) turn a file into an in-memory
`IncomingProject`; `merge` plans and applies it to an open project; `qdpx_export`
and `qdc` write files peers read; `agreement` compares coders.
"""
